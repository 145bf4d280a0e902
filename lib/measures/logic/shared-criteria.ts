import { endsDuringDays, endsOnOrBeforeDay, latestInstant, overlapsDays, startsOnOrBeforeDay, withinDays } from "./clinical-interval";
import {
  activeMedicationOrdersIn,
  completedProceduresIn,
  conditionsIn,
  deviceOrdersIn,
  observationsIn,
  observationsWithCode,
  performedEncounters,
  serviceOrdersIn,
} from "./clinical-queries";
import { codeSystems } from "./code-systems";
import {
  annualWellnessVisit,
  encounterInpatient,
  homeHealthcareServices,
  officeVisit,
  preventiveEstablished18Up,
  preventiveInitial18Up,
  telephoneVisits,
  virtualEncounter,
} from "./encounter-value-sets";
import {
  advancedIllness,
  dementiaMedications,
  frailtyDevice,
  frailtyDiagnosis,
  frailtyEncounter,
  frailtySymptom,
  hospiceCareAmbulatory,
  hospiceDiagnosis,
  hospiceEncounter,
  palliativeCareDiagnosis,
  palliativeCareEncounter,
  palliativeCareIntervention,
} from "./exclusion-value-sets";
import { ageInYearsAt, shiftYears } from "./measurement-window";
import type { PatientRecord } from "./patient-record";
import { conceptHasCode, conceptInValueSets, type ValueSet } from "./value-set";

/** The adult outpatient visits (CMS AdultOutpatientEncounters 4.11) most measures' initial populations need. */
export const adultOutpatientEncounterValueSets: readonly ValueSet[] = [
  officeVisit,
  annualWellnessVisit,
  preventiveEstablished18Up,
  preventiveInitial18Up,
  homeHealthcareServices,
  virtualEncounter,
  telephoneVisits,
];

/** True when a performed encounter of the given types lies within the measurement period. */
export function hasEncounterDuringPeriod(record: PatientRecord, valueSets: readonly ValueSet[]): boolean {
  const { start, end } = record.window;
  return performedEncounters(record, valueSets).some(({ interval }) => withinDays(interval, start, end));
}

/** Returns the patient's completed years of age on the last day of the measurement period. */
export function ageAtPeriodEnd(record: PatientRecord): number | null {
  return ageInYearsAt(record.patient.birthDate, record.window.end);
}

/**
 * Hospice services in the period (CMS Hospice library 6.12): an inpatient stay discharged to
 * hospice, a hospice encounter, order, procedure or diagnosis, or a "Yes" hospice assessment.
 */
export function hasHospiceServices(record: PatientRecord): boolean {
  const { start, end } = record.window;
  const dischargedToHospice = performedEncounters(record, [encounterInpatient]).some(
    ({ resource, interval }) =>
      ["428361000124107", "428371000124100"].some((code) => conceptHasCode(resource.hospitalization?.dischargeDisposition, codeSystems.snomed, code)) &&
      endsDuringDays(interval, start, end),
  );
  const hospiceVisit = performedEncounters(record, [hospiceEncounter]).some(({ interval }) => overlapsDays(interval, start, end));
  const hospiceAssessment = observationsWithCode(record, codeSystems.loinc, "45755-6", "survey").some(
    ({ resource, interval }) => conceptHasCode(resource.valueCodeableConcept, codeSystems.snomed, "373066001") && overlapsDays(interval, start, end),
  );
  const hospiceOrder = serviceOrdersIn(record, [hospiceCareAmbulatory]).some(({ interval }) => withinDays(interval, start, end));
  const hospiceProcedure = completedProceduresIn(record, [hospiceCareAmbulatory]).some(({ interval }) => overlapsDays(interval, start, end));
  const hospiceCondition = conditionsIn(record, [hospiceDiagnosis]).some(({ interval }) => overlapsDays(interval, start, end));
  return dischargedToHospice || hospiceVisit || hospiceAssessment || hospiceOrder || hospiceProcedure || hospiceCondition;
}

/** Palliative care in the period (CMS PalliativeCare 1.11): a FACIT-Pal assessment, diagnosis, encounter or intervention. */
export function hasPalliativeCare(record: PatientRecord): boolean {
  const { start, end } = record.window;
  return (
    observationsWithCode(record, codeSystems.loinc, "71007-9", "survey").some(({ interval }) => overlapsDays(interval, start, end)) ||
    conditionsIn(record, [palliativeCareDiagnosis]).some(({ interval }) => overlapsDays(interval, start, end)) ||
    performedEncounters(record, [palliativeCareEncounter]).some(({ interval }) => overlapsDays(interval, start, end)) ||
    completedProceduresIn(record, [palliativeCareIntervention]).some(({ interval }) => overlapsDays(interval, start, end))
  );
}

/** Frailty in the period (CMS AdvancedIllnessandFrailty 1.16): a device, diagnosis, encounter or symptom. */
export function hasFrailty(record: PatientRecord): boolean {
  const { start, end } = record.window;
  const deviceOrder = deviceOrdersIn(record, [frailtyDevice]).some(({ interval }) => withinDays(interval, start, end));
  const deviceUsed = observationsWithCode(record, codeSystems.loinc, "98181-1", "survey").some(
    ({ resource, interval }) => conceptInValueSets(resource.valueCodeableConcept, [frailtyDevice]) && endsDuringDays(interval, start, end),
  );
  const diagnosis = conditionsIn(record, [frailtyDiagnosis]).some(({ interval }) => overlapsDays(interval, start, end));
  const encounter = performedEncounters(record, [frailtyEncounter]).some(({ interval }) => overlapsDays(interval, start, end));
  const symptom = observationsIn(record, [frailtySymptom], "symptom").some(({ interval }) => overlapsDays(interval, start, end));
  return deviceOrder || deviceUsed || diagnosis || encounter || symptom;
}

/** True when an advanced illness starts, or a dementia medication is active, in the year before or during the period. */
export function hasAdvancedIllness(record: PatientRecord): boolean {
  const { start, end } = record.window;
  const from = shiftYears(start, -1);
  const illness = conditionsIn(record, [advancedIllness]).some(({ interval }) => startsWithin(interval?.start ?? null, from, end));
  const medication = activeMedicationOrdersIn(record, [dementiaMedications]).some(({ interval }) => overlapsDays(interval, from, end));
  return illness || medication;
}

/** Age 66 or older at the end of the period with frailty and advanced illness (the usual exclusion). */
export function isAge66OrOlderWithAdvancedIllnessAndFrailty(record: PatientRecord): boolean {
  const age = ageAtPeriodEnd(record);
  return age !== null && age >= 66 && hasFrailty(record) && hasAdvancedIllness(record);
}

/** CMS165's variant: 66 to 80 with frailty and advanced illness, or 81 and older with frailty alone. */
export function isAge66To80FrailIllOrAge81Frail(record: PatientRecord): boolean {
  const age = ageAtPeriodEnd(record);
  if (age === null || age < 66) return false;
  if (age <= 80) return hasFrailty(record) && hasAdvancedIllness(record);
  return hasFrailty(record);
}

/**
 * True at age 66 or older when the last housing-status assessment on or before the period's end
 * records "Lives in a nursing home" (SNOMED CT 160734000).
 */
export function isAge66OrOlderInNursingHome(record: PatientRecord): boolean {
  const age = ageAtPeriodEnd(record);
  if (age === null || age < 66) return false;

  const assessments = observationsWithCode(record, codeSystems.loinc, "71802-3", "survey")
    .filter(({ interval }) => endsOnOrBeforeDay(interval, record.window.end))
    .sort((left, right) => (latestInstant(left.interval) ?? 0) - (latestInstant(right.interval) ?? 0));
  const last = assessments.at(-1);
  return last !== undefined && conceptHasCode(last.resource.valueCodeableConcept, codeSystems.snomed, "160734000");
}

/**
 * Checks the exclusions CMS122, CMS125, CMS130 and CMS131 share: hospice, palliative care, and
 * age 66 or older with advanced illness and frailty or living long term in a nursing home.
 */
export function hasCommonExclusions(record: PatientRecord): boolean {
  return hasHospiceServices(record) || isAge66OrOlderWithAdvancedIllnessAndFrailty(record) || isAge66OrOlderInNursingHome(record) || hasPalliativeCare(record);
}

/** True when the condition's prevalence starts on or before the period's last day. */
export function startsByPeriodEnd(record: PatientRecord, valueSets: readonly ValueSet[]): boolean {
  return conditionsIn(record, valueSets).some(({ interval }) => startsOnOrBeforeDay(interval, record.window.end));
}

/** True when a completed procedure of the given kinds ended on or before the period's last day. */
export function procedureByPeriodEnd(record: PatientRecord, valueSets: readonly ValueSet[]): boolean {
  return completedProceduresIn(record, valueSets).some(({ interval }) => endsOnOrBeforeDay(interval, record.window.end));
}

/** CQL "starts during day of": an unknown (unbounded) start never does. */
function startsWithin(instant: number | null, from: number, to: number): boolean {
  return instant !== null && withinDays({ start: instant, end: instant }, from, to);
}
