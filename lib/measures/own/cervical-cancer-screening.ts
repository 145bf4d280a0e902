import { latestInstant } from "../logic/clinical-interval";
import { hasObservationValue, latestWithinDays, observationsIn } from "../logic/clinical-queries";
import {
  homeHealthcareServices,
  officeVisit,
  preventiveEstablished18Up,
  preventiveInitial18Up,
  telephoneVisits,
  virtualEncounter,
} from "../logic/encounter-value-sets";
import { ageInYearsAt, shiftYears } from "../logic/measurement-window";
import type { PatientRecord } from "../logic/patient-record";
import { ageAtPeriodEnd, hasEncounterDuringPeriod, hasHospiceServices, hasPalliativeCare, procedureByPeriodEnd, startsByPeriodEnd } from "../logic/shared-criteria";
import { defineValueSet } from "../logic/value-set";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const papTest = defineValueSet("Pap Test", "2.16.840.1.113883.3.464.1003.108.12.1017", {
  loinc: ["10524-7", "18500-9", "19762-4", "19764-0", "19765-7", "19766-5", "19774-9", "33717-0", "47527-7", "47528-5"],
});
const hpvTest = defineValueSet("HPV Test", "2.16.840.1.113883.3.464.1003.110.12.1059", {
  loinc: ["21440-3", "30167-1", "38372-9", "59263-4", "59264-2", "59420-0", "69002-4", "71431-1", "75406-9", "75694-0", "77379-6", "77399-4", "77400-0", "82354-2", "82456-5", "82675-0", "95539-3"],
});
const hysterectomyNoResidualCervix = defineValueSet("Hysterectomy with No Residual Cervix", "2.16.840.1.113883.3.464.1003.198.12.1014", {
  cpt: ["51925", "56308", "57540", "57545", "57550", "57555", "57556", "58150", "58152", "58200", "58210", "58240", "58260", "58262", "58263", "58267", "58270", "58275", "58280", "58285", "58290", "58291", "58292", "58293", "58294", "58548", "58550", "58552", "58553", "58554", "58570", "58571", "58572", "58573", "58951", "58953", "58954", "58956", "59135"],
  icd10pcs: ["0UTC0ZZ", "0UTC4ZZ", "0UTC7ZZ", "0UTC8ZZ"],
  snomed: ["116140006", "116142003", "116143008", "176697007", "236888001", "236891001", "24293001", "27950001", "307771009", "31545000", "35955002", "361222003", "361223008", "387626007", "41566006", "414575003", "440383008", "446446002", "446679008", "54261007", "59750000", "63516002", "75835007", "86477000", "88144003", "740514001", "740515000"],
});
const absenceOfCervix = defineValueSet("Congenital or Acquired Absence of Cervix", "2.16.840.1.113883.3.464.1003.111.12.1016", {
  icd10cm: ["Q51.5", "Z90.710", "Z90.712"],
  snomed: ["37687000", "428078001", "429290001", "723171001"],
});

const cervicalEncounters = [officeVisit, preventiveEstablished18Up, preventiveInitial18Up, homeHealthcareServices, telephoneVisits, virtualEncounter];

/**
 * CMS124 Cervical Cancer Screening: women 24 to 64 with cervical cytology in the period or the 2
 * years before, or, from age 30, an HPV test in the period or the 4 years before.
 */
export const cervicalCancerScreening: OwnMeasureDefinition = {
  id: "lakeview-cms124",
  cmsKey: "CMS124",
  cmsVersion: "CMS124v13",
  title: "Cervical Cancer Screening",
  description:
    "Women 24 to 64 years of age by the end of the measurement period with a qualifying visit in it, who had cervical cytology with a result in the period or the 2 years before, or, at age 30 or older on the test date, an HPV test with a result in the period or the 4 years before. Excludes hospice, hysterectomy with no residual cervix or absence of the cervix, and palliative care.",
  improvementNotation: "increase",
  hasException: false,
  criteria: (record) => {
    const age = ageAtPeriodEnd(record);
    return {
      initialPopulation: age !== null && age >= 24 && age <= 64 && record.patient.gender === "female" && hasEncounterDuringPeriod(record, cervicalEncounters),
      denominatorExclusion:
        hasHospiceServices(record) ||
        procedureByPeriodEnd(record, [hysterectomyNoResidualCervix]) ||
        startsByPeriodEnd(record, [absenceOfCervix]) ||
        hasPalliativeCare(record),
      numerator: hasCervicalCytology(record) || hasHpvTestFromAge30(record),
    };
  },
};

function hasCervicalCytology(record: PatientRecord): boolean {
  const results = observationsIn(record, [papTest], "laboratory").filter(({ resource }) => hasObservationValue(resource));
  return latestWithinDays(results, shiftYears(record.window.start, -2), record.window.end).length > 0;
}

function hasHpvTestFromAge30(record: PatientRecord): boolean {
  const results = observationsIn(record, [hpvTest], "laboratory").filter(({ resource }) => hasObservationValue(resource));
  return latestWithinDays(results, shiftYears(record.window.start, -4), record.window.end).some(({ interval }) => {
    const age = ageInYearsAt(record.patient.birthDate, latestInstant(interval) ?? 0);
    return age !== null && age >= 30;
  });
}
