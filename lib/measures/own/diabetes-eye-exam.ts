import { overlapsDays, withinDays } from "../logic/clinical-interval";
import { completedProceduresIn, conditionsIn, observationsIn } from "../logic/clinical-queries";
import { hasDiabetesInPeriod } from "../logic/diabetes-criteria";
import {
  annualWellnessVisit,
  homeHealthcareServices,
  officeVisit,
  ophthalmologicalServices,
  preventiveEstablished18Up,
  preventiveInitial18Up,
  telephoneVisits,
} from "../logic/encounter-value-sets";
import { shiftYears } from "../logic/measurement-window";
import type { PatientRecord } from "../logic/patient-record";
import {
  ageAtPeriodEnd,
  hasCommonExclusions,
  hasEncounterDuringPeriod,
} from "../logic/shared-criteria";
import { defineValueSet } from "../logic/value-set";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const diabeticRetinopathy = defineValueSet("Diabetic Retinopathy", "2.16.840.1.113883.3.526.3.327", {
  icd10cm: ["E10.311", "E10.319", "E11.311", "E11.319", "E11.3211", "E11.3291", "E11.3311", "E11.3391", "E11.3411", "E11.3491", "E11.3511", "E11.3591"],
  snomed: ["193349004", "193350004", "232020009", "232021008", "232022001", "25412000", "311782002", "312903003", "312904009", "312905005", "312906006", "312907002", "312908007", "312909004", "312912001", "390834004", "399862001", "399863006", "399864000", "399865004", "399866003", "399868002", "399869005", "399870006", "399871005", "399872003", "399873008", "399874002", "399875001", "399876000", "399877009", "4855003", "59276001"],
});
const retinalOrDilatedEyeExam = defineValueSet("Retinal or Dilated Eye Exam", "2.16.840.1.113883.3.464.1003.115.12.1088", {
  snomed: ["252779009", "252780007", "252781006", "252782004", "252783009", "252784003", "252788000", "252789008", "252790004", "274795007", "274798009", "308110009", "314971001", "314972008", "410451008", "410452001", "410453006", "410455004", "420213007", "425816006", "427478009", "6615001", "722161008"],
});

const eyeExamEncounters = [officeVisit, annualWellnessVisit, preventiveEstablished18Up, preventiveInitial18Up, homeHealthcareServices, ophthalmologicalServices, telephoneVisits];

/**
 * CMS131 Diabetes: Eye Exam. Diabetic adults 18 to 75 with a retinal or dilated eye exam in the
 * period, or, without retinopathy, in the period or the year before.
 */
export const diabetesEyeExam: OwnMeasureDefinition = {
  id: "lakeview-cms131",
  cmsKey: "CMS131",
  cmsVersion: "CMS131v13",
  title: "Diabetes: Eye Exam",
  description:
    "Patients 18 to 75 years of age by the end of the measurement period with diabetes overlapping it and a qualifying visit in it, who had a retinal or dilated eye exam in the period, or, when they have no diabetic retinopathy, in the period or the year before. Excludes hospice, palliative care, and age 66 or older with advanced illness and frailty or living long term in a nursing home.",
  improvementNotation: "increase",
  hasException: false,
  criteria: (record) => {
    const age = ageAtPeriodEnd(record);
    return {
      initialPopulation: age !== null && age >= 18 && age <= 75 && hasEncounterDuringPeriod(record, eyeExamEncounters) && hasDiabetesInPeriod(record),
      denominatorExclusion:
        hasCommonExclusions(record),
      numerator: hasRetinalExam(record),
    };
  },
};

function hasRetinalExam(record: PatientRecord): boolean {
  const { start, end } = record.window;
  const retinopathy = conditionsIn(record, [diabeticRetinopathy]).some(({ interval }) => overlapsDays(interval, start, end));
  const from = retinopathy ? start : shiftYears(start, -1);
  // NOTE: CMS131 counts an exam Observation only. A completed Procedure with the same codes also
  // counts here, because member-reported retinal exams are stored as Procedures.
  const exams = [...observationsIn(record, [retinalOrDilatedEyeExam], "exam"), ...completedProceduresIn(record, [retinalOrDilatedEyeExam])];
  return exams.some(({ interval }) => withinDays(interval, from, end));
}
