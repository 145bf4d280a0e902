import type { Condition } from "fhir/r4";

import { endsDuringDays, startsOnOrBeforeDay } from "../logic/clinical-interval";
import { conditionsIn, observationsIn } from "../logic/clinical-queries";
import { codeSystems } from "../logic/code-systems";
import type { PatientRecord } from "../logic/patient-record";
import {
  adultOutpatientEncounterValueSets,
  ageAtPeriodEnd,
  hasCommonExclusions,
  hasEncounterDuringPeriod,
  procedureByPeriodEnd,
  startsByPeriodEnd,
} from "../logic/shared-criteria";
import { conceptHasCode, defineValueSet } from "../logic/value-set";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const mammography = defineValueSet("Mammography", "2.16.840.1.113883.3.464.1003.108.12.1018", {
  loinc: [
    "24604-1", "24605-8", "24606-6", "24610-8", "26175-0", "26176-8", "26177-6", "26346-7", "26347-5", "36319-2", "37539-4", "37542-8",
    "42168-5", "42169-3", "46339-8", "46342-2", "69150-1", "69251-7", "69259-0", "72137-3", "72138-1", "72139-9", "72140-7", "72141-5",
    "72142-3", "86462-9", "86463-7",
  ],
});
const bilateralMastectomy = defineValueSet("Bilateral Mastectomy", "2.16.840.1.113883.3.464.1003.198.12.1005", {
  snomed: ["14693006", "17086001", "22418005", "27865001", "456903003", "52314009", "60633004", "76468001", "726636007", "836436008"],
  icd10pcs: ["0HTV0ZZ"],
});
const historyOfBilateralMastectomy = defineValueSet("History of bilateral mastectomy", "2.16.840.1.113883.3.464.1003.198.12.1068", {
  snomed: ["136071000119101"],
  icd10cm: ["Z90.13"],
});
const statusPostLeftMastectomy = defineValueSet("Status Post Left Mastectomy", "2.16.840.1.113883.3.464.1003.198.12.1069", {
  snomed: ["137671000119105", "429009003"],
  icd10cm: ["Z90.12"],
});
const statusPostRightMastectomy = defineValueSet("Status Post Right Mastectomy", "2.16.840.1.113883.3.464.1003.198.12.1070", {
  snomed: ["137681000119108", "429242008"],
  icd10cm: ["Z90.11"],
});
const unilateralMastectomyLeft = defineValueSet("Unilateral Mastectomy Left", "2.16.840.1.113883.3.464.1003.198.12.1133", {
  icd10pcs: ["0HTU0ZZ"],
});
const unilateralMastectomyRight = defineValueSet("Unilateral Mastectomy Right", "2.16.840.1.113883.3.464.1003.198.12.1134", {
  icd10pcs: ["0HTT0ZZ"],
});
const unilateralMastectomyUnspecified = defineValueSet("Unilateral Mastectomy, Unspecified Laterality", "2.16.840.1.113883.3.464.1003.198.12.1071", {
  snomed: ["248802009", "22418005"],
  icd10cm: ["Z90.10"],
});

const leftSide = "7771000";
const rightSide = "24028007";

/** CMS125 Breast Cancer Screening: women 52 to 74 with a mammogram from October 1 two years before the period to its end. */
export const breastCancerScreening: OwnMeasureDefinition = {
  id: "lakeview-cms125",
  cmsKey: "CMS125",
  cmsVersion: "CMS125v13",
  title: "Breast Cancer Screening",
  description:
    "Women 52 to 74 years of age by the end of the measurement period with an outpatient visit in it, who had a mammogram from October 1 two years before the period through its end. Excludes hospice, bilateral mastectomy (or two unilateral ones), palliative care, and age 66 or older with advanced illness and frailty or living long term in a nursing home.",
  improvementNotation: "increase",
  hasException: false,
  criteria: (record) => {
    const age = ageAtPeriodEnd(record);
    return {
      initialPopulation: age !== null && age >= 52 && age <= 74 && record.patient.gender === "female" && hasEncounterDuringPeriod(record, adultOutpatientEncounterValueSets),
      denominatorExclusion:
        hasCommonExclusions(record) || hasBilateralMastectomy(record),
      numerator: hasMammogram(record),
    };
  },
};

function hasBilateralMastectomy(record: PatientRecord): boolean {
  const right = hasSideMastectomyDiagnosis(record, statusPostRightMastectomy, rightSide) || procedureByPeriodEnd(record, [unilateralMastectomyRight]);
  const left = hasSideMastectomyDiagnosis(record, statusPostLeftMastectomy, leftSide) || procedureByPeriodEnd(record, [unilateralMastectomyLeft]);
  const bilateral = startsByPeriodEnd(record, [historyOfBilateralMastectomy]) || procedureByPeriodEnd(record, [bilateralMastectomy]);
  return (right && left) || bilateral;
}

/** True for a status-post diagnosis of one side, or an unspecified-laterality one whose bodySite names that side. */
function hasSideMastectomyDiagnosis(record: PatientRecord, sideValueSet: typeof statusPostLeftMastectomy, sideCode: string): boolean {
  if (startsByPeriodEnd(record, [sideValueSet])) return true;
  return conditionsIn(record, [unilateralMastectomyUnspecified]).some(
    ({ resource, interval }) => onSide(resource, sideCode) && startsOnOrBeforeDay(interval, record.window.end),
  );
}

function onSide(condition: Condition, sideCode: string): boolean {
  return (condition.bodySite ?? []).some((site) => conceptHasCode(site, codeSystems.snomed, sideCode));
}

function hasMammogram(record: PatientRecord): boolean {
  const from = Date.UTC(new Date(record.window.start).getUTCFullYear() - 2, 9, 1);
  return observationsIn(record, [mammography], "diagnostic-study").some(({ interval }) => endsDuringDays(interval, from, record.window.end));
}
