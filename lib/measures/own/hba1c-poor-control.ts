import type { Observation } from "fhir/r4";

import { dayOf, latestInstant } from "../logic/clinical-interval";
import { hasObservationValue, latestWithinDays, observationsIn, observationsWithCode, type Timed } from "../logic/clinical-queries";
import { codeSystems } from "../logic/code-systems";
import { hasDiabetesInPeriod } from "../logic/diabetes-criteria";
import type { PatientRecord } from "../logic/patient-record";
import {
  adultOutpatientEncounterValueSets,
  ageAtPeriodEnd,
  hasCommonExclusions,
  hasEncounterDuringPeriod,
} from "../logic/shared-criteria";
import { defineValueSet } from "../logic/value-set";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const hba1cLaboratoryTest = defineValueSet("HbA1c Laboratory Test", "2.16.840.1.113883.3.464.1003.198.12.1013", {
  loinc: ["17855-8", "17856-6", "4548-4", "4549-2", "96595-4"],
});

/** Glycemic status above this percentage is poor control (CMS122). */
const poorControlPercent = 9;

/**
 * CMS122 Glycemic Status Assessment Greater Than 9%: diabetic adults 18 to 75 whose most recent
 * HbA1c or glucose management indicator in the period is above 9%, has no result, or is missing.
 * An inverse measure: the numerator is the gap, so a lower rate is better.
 */
export const hba1cPoorControl: OwnMeasureDefinition = {
  id: "lakeview-cms122",
  cmsKey: "CMS122",
  cmsVersion: "CMS122v13",
  title: "Diabetes: Glycemic Status Assessment Greater Than 9%",
  description:
    "Patients 18 to 75 years of age by the end of the measurement period with diabetes overlapping it and an outpatient visit in it, whose most recent glycemic status (HbA1c or glucose management indicator) in the period is above 9%, has no result, or was not done. On the most recent day the lowest result counts. Excludes hospice, palliative care, and age 66 or older with advanced illness and frailty or living long term in a nursing home. A lower rate is better.",
  improvementNotation: "decrease",
  hasException: false,
  criteria: (record) => {
    const age = ageAtPeriodEnd(record);
    return {
      initialPopulation: age !== null && age >= 18 && age <= 75 && hasEncounterDuringPeriod(record, adultOutpatientEncounterValueSets) && hasDiabetesInPeriod(record),
      denominatorExclusion:
        hasCommonExclusions(record),
      numerator: hasPoorGlycemicControl(record),
    };
  },
};

/** True when the lowest reading on the most recent assessment day is above 9%, has no value, or no assessment exists. */
export function hasPoorGlycemicControl(record: PatientRecord): boolean {
  const assessments = glycemicStatusAssessments(record);
  if (assessments.length === 0) return true;

  const lastDay = Math.max(...assessments.map(({ interval }) => dayOf(latestInstant(interval) ?? 0)));
  const onLastDay = assessments.filter(({ interval }) => dayOf(latestInstant(interval) ?? 0) === lastDay);
  // As in the published CQL, a reading without any value counts as no result (CQL sorts nulls
  // first, so it decides the day). A coded or text value is a result that is not above 9 %:
  // `.value > 9 '%'` is null for it and `.value is null` is false, so it is outside the numerator.
  if (onLastDay.some(({ resource }) => !hasObservationValue(resource))) return true;
  const numbers = onLastDay.flatMap(({ resource }) => (resource.valueQuantity?.value === undefined ? [] : [resource.valueQuantity.value]));
  if (numbers.length === 0) return false;
  return Math.min(...numbers) > poorControlPercent;
}

function glycemicStatusAssessments(record: PatientRecord): Timed<Observation>[] {
  const tests = [
    ...observationsIn(record, [hba1cLaboratoryTest], "laboratory"),
    ...observationsWithCode(record, codeSystems.loinc, "97506-0", "laboratory"),
  ];
  return latestWithinDays(tests, record.window.start, record.window.end);
}
