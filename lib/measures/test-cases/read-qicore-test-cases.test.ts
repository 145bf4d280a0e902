import { describe, expect, it } from "vitest";

import { hasSampleData } from "@/lib/fhir/read-sample-resources";

import { readQicoreTestCases } from "./read-qicore-test-cases";

describe.skipIf(!hasSampleData())("readQicoreTestCases", () => {
  it("reads all 299 cases with their expectations", () => {
    const cases = readQicoreTestCases();

    expect(cases).toHaveLength(299);
    expect(cases.every((testCase) => testCase.resources.some((resource) => resource.resourceType === "Patient"))).toBe(true);
    expect(cases.every((testCase) => testCase.resources.every((resource) => resource.resourceType !== "MeasureReport"))).toBe(true);
  });

  it("names a case and reads its populations", () => {
    const hospice = readQicoreTestCases("CMS125").find((testCase) => testCase.caseId === "01c88972-84e2-4594-835b-924481b9990a");

    expect(hospice?.name).toBe("DENEXPass HospiceDiagnosisOverlapsMP");
    expect(hospice?.period).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    expect(hospice?.measureUrl).toBe("https://madie.cms.gov/Measure/BreastCancerScreeningFHIR");
    expect(hospice?.expected).toEqual({
      "initial-population": 1,
      denominator: 1,
      "denominator-exclusion": 1,
      "denominator-exception": 0,
      numerator: 0,
      "numerator-exclusion": 0,
    });
  });
});
