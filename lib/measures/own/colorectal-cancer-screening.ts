import { endsDuringDays } from "../logic/clinical-interval";
import { completedProceduresIn, hasObservationValue, latestWithinDays, observationsIn } from "../logic/clinical-queries";
import { shiftYears } from "../logic/measurement-window";
import type { PatientRecord } from "../logic/patient-record";
import {
  adultOutpatientEncounterValueSets,
  ageAtPeriodEnd,
  hasCommonExclusions,
  hasEncounterDuringPeriod,
  procedureByPeriodEnd,
  startsByPeriodEnd,
} from "../logic/shared-criteria";
import { defineValueSet, type ValueSet } from "../logic/value-set";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const colonoscopy = defineValueSet("Colonoscopy", "2.16.840.1.113883.3.464.1003.108.12.1020", {
  cpt: ["44388", "44389", "44390", "44391", "44392", "44394", "44401", "44402", "44403", "44404", "44405", "44406", "44407", "44408", "45378", "45379", "45380", "45381", "45382", "45384", "45385", "45386", "45388", "45389", "45390", "45391", "45392", "45393", "45398"],
  hcpcs: ["G0105", "G0121"],
  snomed: ["1209098000", "12350003", "174158000", "25732003", "310634005", "34264006", "367535003", "443998000", "447021001", "73761001", "8180007"],
});
const ctColonography = defineValueSet("CT Colonography", "2.16.840.1.113883.3.464.1003.108.12.1038", {
  loinc: ["60515-4", "72531-7", "79069-1", "79071-7", "79101-2", "82688-3"],
});
const fecalOccultBloodTest = defineValueSet("Fecal Occult Blood Test (FOBT)", "2.16.840.1.113883.3.464.1003.198.12.1011", {
  loinc: ["12503-9", "12504-7", "14563-1", "14564-9", "14565-6", "2335-8", "27396-1", "27401-9", "27925-7", "27926-5", "29771-3", "56490-6", "56491-4", "57905-2", "58453-2", "80372-6"],
});
const stoolDnaFitTest = defineValueSet("sDNA FIT Test", "2.16.840.1.113883.3.464.1003.108.12.1039", {
  loinc: ["77353-1", "77354-9"],
});
const flexibleSigmoidoscopy = defineValueSet("Flexible Sigmoidoscopy", "2.16.840.1.113883.3.464.1003.198.12.1010", {
  cpt: ["45330", "45331", "45332", "45333", "45334", "45335", "45337", "45338", "45340", "45341", "45342", "45346", "45347", "45349", "45350"],
  hcpcs: ["G0104"],
  snomed: ["1217117008", "396226005", "425634007", "44441009"],
});
const malignantNeoplasmOfColon = defineValueSet("Malignant Neoplasm of Colon", "2.16.840.1.113883.3.464.1003.108.12.1001", {
  icd10cm: ["C18.0", "C18.1", "C18.2", "C18.3", "C18.4", "C18.5", "C18.6", "C18.7", "C18.8", "C18.9", "C19", "C20", "C21.2", "C21.8", "C78.5"],
  snomed: ["109838007", "1701000119104", "187758006", "363406005", "363414004", "363510005", "93761005", "93854002", "94260004"],
});
const totalColectomy = defineValueSet("Total Colectomy", "2.16.840.1.113883.3.464.1003.198.12.1019", {
  cpt: ["44150", "44151", "44155", "44156", "44157", "44158", "44210", "44211", "44212"],
  icd10pcs: ["0DTE0ZZ", "0DTE4ZZ", "0DTE7ZZ", "0DTE8ZZ"],
  snomed: ["26390003", "303401008", "307666008", "31130001", "36192008", "44751009", "456004", "80294005"],
});

/** CMS130 Colorectal Cancer Screening: adults 46 to 75 with a screening test inside its lookback. */
export const colorectalCancerScreening: OwnMeasureDefinition = {
  id: "lakeview-cms130",
  cmsKey: "CMS130",
  cmsVersion: "CMS130v13",
  title: "Colorectal Cancer Screening",
  description:
    "Adults 46 to 75 years of age by the end of the measurement period with an outpatient visit in it, who had a fecal occult blood test in the period, a stool DNA with FIT test in it or the 2 years before, a flexible sigmoidoscopy or CT colonography in it or the 4 years before, or a colonoscopy in it or the 9 years before. Excludes hospice, colorectal cancer, total colectomy, palliative care, and age 66 or older with advanced illness and frailty or living long term in a nursing home.",
  improvementNotation: "increase",
  hasException: false,
  criteria: (record) => {
    const age = ageAtPeriodEnd(record);
    return {
      initialPopulation: age !== null && age >= 46 && age <= 75 && hasEncounterDuringPeriod(record, adultOutpatientEncounterValueSets),
      denominatorExclusion:
        hasCommonExclusions(record) || startsByPeriodEnd(record, [malignantNeoplasmOfColon]) || procedureByPeriodEnd(record, [totalColectomy]),
      numerator:
        hasLabResultWithin(record, fecalOccultBloodTest, 0) ||
        hasLabResultWithin(record, stoolDnaFitTest, 2) ||
        hasProcedureEndingWithin(record, flexibleSigmoidoscopy, 4) ||
        hasStudyEndingWithin(record, ctColonography, 4) ||
        hasProcedureEndingWithin(record, colonoscopy, 9),
    };
  },
};

/** True when a lab test with a result has its latest time in the period or the `yearsBefore` years before it. */
function hasLabResultWithin(record: PatientRecord, valueSet: ValueSet, yearsBefore: number): boolean {
  const from = shiftYears(record.window.start, -yearsBefore);
  const results = observationsIn(record, [valueSet], "laboratory").filter(({ resource }) => hasObservationValue(resource));
  return latestWithinDays(results, from, record.window.end).length > 0;
}

function hasProcedureEndingWithin(record: PatientRecord, valueSet: ValueSet, yearsBefore: number): boolean {
  const from = shiftYears(record.window.start, -yearsBefore);
  return completedProceduresIn(record, [valueSet]).some(({ interval }) => endsDuringDays(interval, from, record.window.end));
}

function hasStudyEndingWithin(record: PatientRecord, valueSet: ValueSet, yearsBefore: number): boolean {
  const from = shiftYears(record.window.start, -yearsBefore);
  return observationsIn(record, [valueSet], "diagnostic-study").some(({ interval }) => endsDuringDays(interval, from, record.window.end));
}
