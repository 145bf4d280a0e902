import type { FhirResource, Observation } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { createOwnMeasureEvaluator } from "../create-own-measure-evaluator";
import { readMeasureReportPopulations, type MeasurePopulations } from "../measure-populations";
import { breastCancerScreening } from "./breast-cancer-screening";
import {
  activeCondition,
  code,
  collectionOf,
  completedProcedure,
  finalObservation,
  labCategory,
  officeVisitOn,
  testPatient,
} from "./build-test-patient";
import { controllingBloodPressure } from "./controlling-blood-pressure";
import { diabetesEyeExam } from "./diabetes-eye-exam";
import { hba1cPoorControl } from "./hba1c-poor-control";
import { influenzaImmunization } from "./influenza-immunization";
import type { OwnMeasureDefinition } from "../own-measure-definition";

const period2025 = { start: "2025-01-01", end: "2025-12-31" };
const snomed = "http://snomed.info/sct";
const loinc = "http://loinc.org";
const icd10pcs = "http://www.cms.gov/Medicare/Coding/ICD10";

async function populationsOf(definition: OwnMeasureDefinition, resources: FhirResource[]): Promise<MeasurePopulations> {
  const report = await createOwnMeasureEvaluator(definition).evaluate(collectionOf(resources), period2025);
  return readMeasureReportPopulations(report);
}

function mammogram(id: string, date: string, extra: Partial<Observation> = {}): Observation {
  return finalObservation(id, code(loinc, "24604-1"), date, extra);
}

function hba1c(id: string, date: string, percent?: number): Observation {
  const value = percent === undefined ? {} : { valueQuantity: { value: percent, unit: "%", system: "http://unitsofmeasure.org", code: "%" } };
  return finalObservation(id, code(loinc, "17855-8"), date, { category: labCategory(), ...value });
}

function bloodPressure(id: string, effective: string, systolic: number, diastolic: number): Observation {
  const mmHg = { unit: "mmHg", system: "http://unitsofmeasure.org", code: "mm[Hg]" };
  return finalObservation(id, code(loinc, "85354-9"), effective, {
    component: [
      { code: code(loinc, "8480-6"), valueQuantity: { value: systolic, ...mmHg } },
      { code: code(loinc, "8462-4"), valueQuantity: { value: diastolic, ...mmHg } },
    ],
  });
}

const diabetic = activeCondition("dm", code(snomed, "44054006"), "2020-01-01");
const hypertensive = activeCondition("htn", code("http://hl7.org/fhir/sid/icd-10-cm", "I10"), "2020-01-01");

describe("breastCancerScreening", () => {
  it("counts age at the end of the period", async () => {
    const turns52OnLastDay = await populationsOf(breastCancerScreening, [testPatient("1973-12-31"), officeVisitOn("2025-03-04")]);
    const turns52Next = await populationsOf(breastCancerScreening, [testPatient("1974-01-01"), officeVisitOn("2025-03-04")]);

    expect(turns52OnLastDay["initial-population"]).toBe(1);
    expect(turns52Next["initial-population"]).toBe(0);
  });

  it("excludes a bilateral mastectomy", async () => {
    const populations = await populationsOf(breastCancerScreening, [
      testPatient("1960-05-05"),
      officeVisitOn("2025-03-04"),
      completedProcedure("mx", code(snomed, "14693006"), "2019-02-02"),
    ]);

    expect(populations["denominator-exclusion"]).toBe(1);
  });

  it("excludes two unilateral mastectomies but not one", async () => {
    const left = completedProcedure("left", code(icd10pcs, "0HTU0ZZ"), "2018-02-02");
    const right = completedProcedure("right", code(icd10pcs, "0HTT0ZZ"), "2021-06-01");

    const both = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), left, right]);
    const one = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), left]);

    expect(both["denominator-exclusion"]).toBe(1);
    expect(one["denominator-exclusion"]).toBe(0);
  });

  it("excludes a right mastectomy diagnosis with a left unspecified one by body site", async () => {
    const right = activeCondition("right", code(snomed, "137681000119108"), "2015-01-01");
    const leftBySite = activeCondition("left", code(snomed, "248802009"), "2016-01-01", { bodySite: [code(snomed, "7771000")] });

    const populations = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), right, leftBySite]);

    expect(populations["denominator-exclusion"]).toBe(1);
  });

  it("excludes hospice care in the period", async () => {
    const hospiceEncounter = { ...officeVisitOn("2025-07-01", "hospice"), type: [code(snomed, "305336008")] };

    const populations = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), hospiceEncounter]);

    expect(populations["denominator-exclusion"]).toBe(1);
    expect(populations.numerator).toBe(0);
  });

  it("counts a mammogram from October 1 two years before", async () => {
    const onTime = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), mammogram("m", "2023-10-01")]);
    const tooEarly = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), mammogram("m", "2023-09-30")]);

    expect(onTime.numerator).toBe(1);
    expect(tooEarly.numerator).toBe(0);
  });

  it("ignores pending and rejected member-reported evidence", async () => {
    const tagged = (review: string): Observation =>
      mammogram("m", "2025-05-01", { meta: { tag: [{ system: "https://lakeview.example/fhir/CodeSystem/evidence-review", code: review }] } });

    const pending = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), tagged("pending")]);
    const rejected = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), tagged("rejected")]);
    const accepted = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), tagged("accepted")]);

    expect(pending.numerator).toBe(0);
    expect(rejected.numerator).toBe(0);
    expect(accepted.numerator).toBe(1);
  });

  it("ignores an unfinished encounter and a preliminary mammogram", async () => {
    const planned = { ...officeVisitOn("2025-03-04"), status: "planned" as const };
    const preliminary = mammogram("m", "2025-05-01", { status: "preliminary" });

    const notSeen = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), planned]);
    const seen = await populationsOf(breastCancerScreening, [testPatient("1960-05-05"), officeVisitOn("2025-03-04"), preliminary]);

    expect(notSeen["initial-population"]).toBe(0);
    expect(seen.numerator).toBe(0);
  });
});

describe("hba1cPoorControl", () => {
  const base = [testPatient("1970-01-01"), officeVisitOn("2025-03-04"), diabetic];

  it("lets the last HbA1c in the period win", async () => {
    const improved = await populationsOf(hba1cPoorControl, [...base, hba1c("a", "2025-02-01", 10.2), hba1c("b", "2025-09-01", 7.1)]);
    const worsened = await populationsOf(hba1cPoorControl, [...base, hba1c("a", "2025-02-01", 7.1), hba1c("b", "2025-09-01", 9.4)]);

    expect(improved.numerator).toBe(0);
    expect(worsened.numerator).toBe(1);
  });

  it("counts a missing test or result as poor control", async () => {
    const noTest = await populationsOf(hba1cPoorControl, base);
    const noResult = await populationsOf(hba1cPoorControl, [...base, hba1c("a", "2025-02-01")]);
    const lastYearOnly = await populationsOf(hba1cPoorControl, [...base, hba1c("a", "2024-11-01", 6.5)]);

    expect(noTest.numerator).toBe(1);
    expect(noResult.numerator).toBe(1);
    expect(lastYearOnly.numerator).toBe(1);
  });

  it("treats exactly 9% as not poor control", async () => {
    const populations = await populationsOf(hba1cPoorControl, [...base, hba1c("a", "2025-02-01", 9)]);

    expect(populations.numerator).toBe(0);
  });

  it("declares a decreasing improvement notation", () => {
    const evaluator = createOwnMeasureEvaluator(hba1cPoorControl);

    expect(evaluator.improvementNotation).toBe("decrease");
    expect(evaluator.measure.improvementNotation?.coding?.[0]?.code).toBe("decrease");
  });
});

describe("diabetesEyeExam", () => {
  it("counts a member-reported retinal exam procedure", async () => {
    const reported = completedProcedure("eye", code(snomed, "252779009"), "2025-04-04");

    const populations = await populationsOf(diabetesEyeExam, [testPatient("1970-01-01"), officeVisitOn("2025-03-04"), diabetic, reported]);

    expect(populations.numerator).toBe(1);
  });
});

describe("controllingBloodPressure", () => {
  const base = [testPatient("1960-01-01"), officeVisitOn("2025-03-04"), hypertensive];

  it("takes the lowest systolic and diastolic of the last day", async () => {
    const populations = await populationsOf(controllingBloodPressure, [
      ...base,
      bloodPressure("a", "2025-10-10T08:00:00Z", 150, 85),
      bloodPressure("b", "2025-10-10T16:00:00Z", 135, 95),
    ]);

    expect(populations.numerator).toBe(1);
  });

  it("ignores earlier controlled days when the last is high", async () => {
    const populations = await populationsOf(controllingBloodPressure, [
      ...base,
      bloodPressure("a", "2025-05-10T08:00:00Z", 120, 70),
      bloodPressure("b", "2025-10-10T08:00:00Z", 145, 80),
    ]);

    expect(populations.numerator).toBe(0);
  });

  it("needs hypertension in the first six months", async () => {
    const lateDiagnosis = activeCondition("htn", code("http://hl7.org/fhir/sid/icd-10-cm", "I10"), "2025-07-01");

    const populations = await populationsOf(controllingBloodPressure, [testPatient("1960-01-01"), officeVisitOn("2025-03-04"), lateDiagnosis]);

    expect(populations["initial-population"]).toBe(0);
  });
});

describe("influenzaImmunization", () => {
  const flu = (date: string) => ({
    resourceType: "Immunization" as const,
    id: `flu-${date}`,
    status: "completed" as const,
    vaccineCode: code("http://hl7.org/fhir/sid/cvx", "158"),
    patient: { reference: "Patient/p1" },
    occurrenceDateTime: date,
  });

  it("needs a visit in a flu season", async () => {
    const summerOnly = await populationsOf(influenzaImmunization, [testPatient("1990-01-01"), officeVisitOn("2025-06-15")]);
    const october = await populationsOf(influenzaImmunization, [testPatient("1990-01-01"), officeVisitOn("2025-10-15")]);

    expect(summerOnly["initial-population"]).toBe(0);
    expect(october["initial-population"]).toBe(1);
  });

  it("counts a vaccine from August 1 for the autumn season", async () => {
    const august = await populationsOf(influenzaImmunization, [testPatient("1990-01-01"), officeVisitOn("2025-10-15"), flu("2025-08-01")]);
    const july = await populationsOf(influenzaImmunization, [testPatient("1990-01-01"), officeVisitOn("2025-10-15"), flu("2025-07-31")]);

    expect(august.numerator).toBe(1);
    expect(july.numerator).toBe(0);
  });

  it("counts last autumn's vaccine for a winter visit", async () => {
    const populations = await populationsOf(influenzaImmunization, [testPatient("1990-01-01"), officeVisitOn("2025-02-10"), flu("2024-09-20")]);

    expect(populations.numerator).toBe(1);
  });

  it("records a refusal as an exception", async () => {
    const refused = {
      ...flu("2025-10-15"),
      status: "not-done" as const,
      statusReason: code("http://terminology.hl7.org/CodeSystem/v3-ActReason", "PATOBJ"),
    };

    const populations = await populationsOf(influenzaImmunization, [testPatient("1990-01-01"), officeVisitOn("2025-10-15"), refused]);

    expect(populations["denominator-exception"]).toBe(1);
    expect(populations.numerator).toBe(0);
  });

  it("leaves out infants under 6 months at the period start", async () => {
    const populations = await populationsOf(influenzaImmunization, [testPatient("2024-08-01"), officeVisitOn("2025-10-15")]);

    expect(populations["initial-population"]).toBe(0);
  });
});
