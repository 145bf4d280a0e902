import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle } from "fhir/r4";
import { afterAll, describe, expect, it } from "vitest";

import { isFhirError } from "@/lib/fhir/fhir-error";

import type { MeasureEvaluator } from "../measure-evaluator";
import { emptyMeasurePopulations, readMeasureReportPopulations } from "../measure-populations";
import { measureSuiteSkipReason } from "../test-cases/measure-suite-skip-reason";
import { readQicoreTestCases } from "../test-cases/read-qicore-test-cases";
import { createFqmMeasureEvaluator } from "./create-fqm-measure-evaluator";
import { evidenceReviewSystem } from "./drop-unreviewed-evidence";
import { getSampleMeasureEvaluator } from "./get-sample-measure-evaluator";
import { loadMeasureBundles } from "./load-measure-bundles";
import { syntheticMeasureResources, syntheticMeasureUrl, syntheticPatientData, writeResources } from "./synthetic-measure-content";

const dir = mkdtempSync(path.join(tmpdir(), "lakeview-fqm-evaluator-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function createSyntheticEvaluator(options: Parameters<typeof createFqmMeasureEvaluator>[1] = {}): MeasureEvaluator {
  const { measure, mainLibrary, helperLibrary, valueSet } = syntheticMeasureResources();
  const [loaded] = loadMeasureBundles(writeResources(dir, "screening", [measure, mainLibrary, helperLibrary, valueSet]));
  if (!loaded) throw new Error("The synthetic measure did not load.");
  return createFqmMeasureEvaluator(loaded.bundle, options);
}

const period = { start: "2026-01-01", end: "2026-12-31" };
const screened = { ...emptyMeasurePopulations(), "initial-population": 1, denominator: 1, numerator: 1 };
const unscreened = { ...screened, numerator: 0 };

describe("createFqmMeasureEvaluator", () => {
  const evaluator = createSyntheticEvaluator();

  it("returns an individual report for the measure's canonical", async () => {
    const report = await evaluator.evaluate(syntheticPatientData("patient-a", [{}]), period);

    expect(report.type).toBe("individual");
    expect(report.measure).toBe(syntheticMeasureUrl);
    expect(report.subject?.reference).toBe("Patient/patient-a");
    expect(readMeasureReportPopulations(report)).toEqual(screened);
  });

  it.each([
    ["no tag", undefined, screened],
    ["accepted", "accepted", screened],
    ["pending", "pending", unscreened],
    ["rejected", "rejected", unscreened],
  ])("counts evidence tagged %s accordingly", async (_label, tag, expected) => {
    const report = await evaluator.evaluate(syntheticPatientData("patient-a", [{ tag }]), period);

    expect(readMeasureReportPopulations(report)).toEqual(expected);
  });

  it("ignores a review tag from another system", async () => {
    const patientData = syntheticPatientData("patient-a", [{}]);
    const observation = patientData.entry?.[1]?.resource;
    if (observation) observation.meta = { tag: [{ system: "https://example.org/other-review", code: "pending" }] };

    const report = await evaluator.evaluate(patientData, period);

    expect(readMeasureReportPopulations(report)).toEqual(screened);
    expect(evidenceReviewSystem).toBe("https://lakeview.example/fhir/CodeSystem/evidence-review");
  });

  it("keeps concurrent patients apart", async () => {
    const patients: [Bundle, number][] = [
      [syntheticPatientData("patient-a", [{}]), 1],
      [syntheticPatientData("patient-b", []), 0],
      [syntheticPatientData("patient-c", [{ tag: "pending" }, {}]), 1],
      [syntheticPatientData("patient-d", [{ tag: "rejected" }]), 0],
    ];

    const reports = await Promise.all(patients.map(([patientData]) => evaluator.evaluate(patientData, period)));

    expect(reports.map((report) => report.subject?.reference)).toEqual(["Patient/patient-a", "Patient/patient-b", "Patient/patient-c", "Patient/patient-d"]);
    expect(reports.map((report) => readMeasureReportPopulations(report).numerator)).toEqual(patients.map(([, numerator]) => numerator));
  });

  it.each([
    [{ start: "2026-12-31", end: "2026-01-01" }],
    [{ start: "2026-1-1", end: "2026-12-31" }],
    [{ start: "2026-01-01", end: "2026-02-30" }],
  ])("rejects period %j", async (badPeriod) => {
    const evaluation = evaluator.evaluate(syntheticPatientData("patient-a", []), badPeriod);

    await expect(evaluation).rejects.toSatisfy((error: unknown) => isFhirError(error, "invalid"));
    await expect(evaluation).rejects.toThrow(`Measurement period ${badPeriod.start} to ${badPeriod.end} is invalid; give two dates as YYYY-MM-DD with the start on or before the end.`);
  });

  it("reads the improvement notation or takes the override", () => {
    expect(evaluator.improvementNotation).toBe("increase");
    expect(createSyntheticEvaluator({ improvementNotation: "decrease" }).improvementNotation).toBe("decrease");
  });
});

const skipReason = measureSuiteSkipReason();

describe.skipIf(skipReason !== undefined)(`createFqmMeasureEvaluator on a published case${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  it("drops a pending mammography from CMS125", async () => {
    const numeratorCase = readQicoreTestCases("CMS125").find((testCase) => testCase.expected.numerator === 1);
    if (!numeratorCase) throw new Error("The CMS125 deck has no numerator case.");
    const evaluator = getSampleMeasureEvaluator(numeratorCase.measureUrl);
    const pending = numeratorCase.resources.map((resource) =>
      resource.resourceType === "Patient" ? resource : { ...resource, meta: { ...resource.meta, tag: [{ system: evidenceReviewSystem, code: "pending" }] } },
    );
    const toBundle = (resources: typeof pending): Bundle => ({ resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) });

    const asPublished = await evaluator.evaluate(toBundle(numeratorCase.resources), numeratorCase.period);
    const withPending = await evaluator.evaluate(toBundle(pending), numeratorCase.period);

    expect(readMeasureReportPopulations(asPublished).numerator).toBe(1);
    expect(readMeasureReportPopulations(withPending).numerator).toBe(0);
  });
});

describe("createFqmMeasureEvaluator without a ValueSet", () => {
  it("fails instead of downloading it", async () => {
    const { measure, mainLibrary, helperLibrary } = syntheticMeasureResources();
    const bundle: Bundle = { resourceType: "Bundle", type: "collection", entry: [measure, mainLibrary, helperLibrary].map((resource) => ({ resource })) };
    const evaluator = createFqmMeasureEvaluator(bundle);

    const evaluation = evaluator.evaluate(syntheticPatientData("patient-a", []), period);

    await expect(evaluation).rejects.toThrow("Missing the following valuesets: https://lakeview.example/fhir/ValueSet/test-screening, and no API key was provided to resolve them");
  });
});

describe("createFqmMeasureEvaluator patient data", () => {
  const evaluator = createSyntheticEvaluator();

  it.each([
    ["no Patient", { resourceType: "Bundle", type: "collection", entry: [] } satisfies Bundle, 0],
    ["two Patients", { resourceType: "Bundle", type: "collection", entry: [...(syntheticPatientData("patient-a", []).entry ?? []), ...(syntheticPatientData("patient-b", []).entry ?? [])] } satisfies Bundle, 2],
  ])("rejects a Bundle with %s", async (_label, patientData, count) => {
    const evaluation = evaluator.evaluate(patientData, period);

    await expect(evaluation).rejects.toSatisfy((error: unknown) => isFhirError(error, "invalid"));
    await expect(evaluation).rejects.toThrow(`The patient data Bundle contains ${count} Patient resources; pass one Bundle per patient with exactly one Patient and that patient's resources.`);
  });
});
