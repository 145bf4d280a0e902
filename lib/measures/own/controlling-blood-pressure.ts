import type { Observation } from "fhir/r4";

import { dayOf, endsOnOrBeforeDay, latestInstant, overlapsDays, startsOnOrBeforeDay } from "../logic/clinical-interval";
import { completedProceduresIn, conditionsIn, latestWithinDays, observationInterval, performedEncounters, type Timed } from "../logic/clinical-queries";
import { codeSystems } from "../logic/code-systems";
import { shiftMonths } from "../logic/measurement-window";
import type { PatientRecord } from "../logic/patient-record";
import {
  adultOutpatientEncounterValueSets,
  ageAtPeriodEnd,
  hasEncounterDuringPeriod,
  hasHospiceServices,
  hasPalliativeCare,
  isAge66OrOlderInNursingHome,
  isAge66To80FrailIllOrAge81Frail,
} from "../logic/shared-criteria";
import { conceptHasCode, defineValueSet } from "../logic/value-set";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const essentialHypertension = defineValueSet("Essential Hypertension", "2.16.840.1.113883.3.464.1003.104.12.1011", {
  icd10cm: ["I10"],
  snomed: ["10725009", "1201005", "371125006", "429457004", "46481004", "56218007", "59621000", "65518004", "78975002"],
});
const pregnancy = defineValueSet("Pregnancy", "2.16.840.1.113883.3.526.3.378", {
  icd10cm: ["O09.90", "O80", "Z33.1", "Z34.00", "Z34.80", "Z34.90"],
  snomed: ["77386006", "10231000132102", "72892002", "16356006"],
});
const endStageRenalDisease = defineValueSet("End Stage Renal Disease", "2.16.840.1.113883.3.526.3.353", {
  icd10cm: ["N18.6"],
  snomed: ["46177005", "236435004", "433146000"],
});
const kidneyTransplantRecipient = defineValueSet("Kidney Transplant Recipient", "2.16.840.1.113883.3.464.1003.109.12.1029", {
  icd10cm: ["Z94.0"],
  snomed: ["161665007"],
});
const chronicKidneyDiseaseStage5 = defineValueSet("Chronic Kidney Disease, Stage 5", "2.16.840.1.113883.3.526.3.1002", {
  icd10cm: ["N18.5"],
  snomed: ["433146000", "714152005"],
});
const kidneyTransplant = defineValueSet("Kidney Transplant", "2.16.840.1.113883.3.464.1003.109.12.1012", {
  cpt: ["50360", "50365", "50380"],
  hcpcs: ["S2065"],
  icd10pcs: ["0TY00Z0", "0TY00Z1", "0TY00Z2", "0TY10Z0", "0TY10Z1", "0TY10Z2"],
  snomed: ["70536003", "58797008", "175901007", "175902000", "236138007"],
});
const dialysisServices = defineValueSet("Dialysis Services", "2.16.840.1.113883.3.464.1003.109.12.1013", {
  cpt: ["90935", "90937", "90945", "90947", "90999"],
  hcpcs: ["G0257"],
  snomed: ["108241001", "10848006", "11932001", "14684005", "180273006", "225230008", "238316008", "265764009", "302497006", "34897002", "427053002", "428648006", "57274006", "676002", "67970008", "71192002", "714749008"],
});
const esrdMonthlyOutpatientServices = defineValueSet("ESRD Monthly Outpatient Services", "2.16.840.1.113883.3.464.1003.109.12.1014", {
  cpt: ["90951", "90952", "90953", "90954", "90955", "90956", "90957", "90958", "90959", "90960", "90961", "90962", "90963", "90964", "90965", "90966", "90967", "90968", "90969", "90970", "90999"],
});

/** Blood pressure panel codes that make an Observation a QI-Core observation-bp. */
const bloodPressurePanelCodes = ["85354-9", "55284-4"];
const systolicCode = "8480-6";
const diastolicCode = "8462-4";
/** Encounter classes whose readings do not count: emergency, inpatient, acute, non-acute, pre-admission, short stay. */
const excludedEncounterClasses = new Set(["EMER", "IMP", "ACUTE", "NONAC", "PRENC", "SS"]);
const finalStatuses = new Set(["final", "amended", "corrected"]);

/**
 * CMS165 Controlling High Blood Pressure: adults 18 to 85 with essential hypertension whose most
 * recent blood pressure in the period is below 140/90, taking the lowest systolic and lowest
 * diastolic reading of that day.
 */
export const controllingBloodPressure: OwnMeasureDefinition = {
  id: "lakeview-cms165",
  cmsKey: "CMS165",
  cmsVersion: "CMS165v13",
  title: "Controlling High Blood Pressure",
  description:
    "Patients 18 to 85 years of age by the end of the measurement period with essential hypertension overlapping its first six months and an outpatient visit in it, whose most recent blood pressure day in the period has a lowest systolic reading below 140 mmHg and a lowest diastolic reading below 90 mmHg. Readings from emergency or inpatient encounters do not count. Excludes hospice, pregnancy, end-stage renal disease, kidney transplant, dialysis, palliative care, age 66 to 80 with advanced illness and frailty, age 81 or older with frailty, and age 66 or older living long term in a nursing home.",
  improvementNotation: "increase",
  hasException: false,
  criteria: (record) => {
    const age = ageAtPeriodEnd(record);
    return {
      initialPopulation: age !== null && age >= 18 && age <= 85 && hasEssentialHypertension(record) && hasEncounterDuringPeriod(record, adultOutpatientEncounterValueSets),
      denominatorExclusion:
        hasHospiceServices(record) ||
        hasPregnancyOrRenalDiagnosis(record) ||
        completedProceduresIn(record, [kidneyTransplant, dialysisServices]).some(({ interval }) => endsOnOrBeforeDay(interval, record.window.end)) ||
        performedEncounters(record, [esrdMonthlyOutpatientServices]).some(({ interval }) => startsOnOrBeforeDay(interval, record.window.end)) ||
        isAge66To80FrailIllOrAge81Frail(record) ||
        isAge66OrOlderInNursingHome(record) ||
        hasPalliativeCare(record),
      numerator: isBloodPressureControlled(record),
    };
  },
};

/** Hypertension whose prevalence overlaps the first six months of the period (the end excluded). */
function hasEssentialHypertension(record: PatientRecord): boolean {
  const sixMonthsIn = shiftMonths(record.window.start, 6) - 1;
  return conditionsIn(record, [essentialHypertension]).some(({ interval }) => overlapsDays(interval, record.window.start, sixMonthsIn));
}

function hasPregnancyOrRenalDiagnosis(record: PatientRecord): boolean {
  const valueSets = [pregnancy, endStageRenalDisease, kidneyTransplantRecipient, chronicKidneyDiseaseStage5];
  return conditionsIn(record, valueSets).some(({ interval }) => overlapsDays(interval, record.window.start, record.window.end));
}

/**
 * True when, on the most recent day with a blood pressure reading, the lowest systolic is below
 * 140 and the lowest diastolic below 90 mmHg.
 */
export function isBloodPressureControlled(record: PatientRecord): boolean {
  const readings = qualifyingReadings(record);
  if (readings.length === 0) return false;

  const dayOfReading = ({ interval }: Timed<Observation>): number => dayOf(latestInstant(interval) ?? 0);
  const lastDay = Math.max(...readings.map(dayOfReading));
  const onLastDay = readings.filter((reading) => dayOfReading(reading) === lastDay).map(({ resource }) => resource);
  const lowestSystolic = lowest(onLastDay, systolicCode);
  const lowestDiastolic = lowest(onLastDay, diastolicCode);
  return lowestSystolic !== undefined && lowestDiastolic !== undefined && lowestSystolic < 140 && lowestDiastolic < 90;
}

/** Final blood pressure panels in the period, except those taken in an emergency or inpatient encounter. */
function qualifyingReadings(record: PatientRecord): Timed<Observation>[] {
  const panels = record
    .list("Observation")
    .filter((observation) => finalStatuses.has(observation.status) && bloodPressurePanelCodes.some((code) => conceptHasCode(observation.code, codeSystems.loinc, code)))
    .filter((observation) => !excludedEncounterClasses.has(record.encounter(observation.encounter?.reference)?.class.code ?? ""))
    .map((observation) => ({ resource: observation, interval: observationInterval(observation) }));
  return latestWithinDays(panels, record.window.start, record.window.end);
}

function componentValue(observation: Observation, code: string): number | undefined {
  const component = observation.component?.find((candidate) => conceptHasCode(candidate.code, codeSystems.loinc, code));
  return component?.valueQuantity?.value;
}

/** Returns the lowest reading of one component, or undefined when one is missing, because CQL sorts a missing value first. */
function lowest(observations: readonly Observation[], code: string): number | undefined {
  const values = observations.map((observation) => componentValue(observation, code));
  if (values.some((value) => value === undefined)) return undefined;
  return Math.min(...(values as number[]));
}
