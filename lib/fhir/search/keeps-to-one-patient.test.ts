import { describe, expect, it } from "vitest";

import { keepsToOnePatient } from "./keeps-to-one-patient";
import { parseSearchRequest } from "./parse-search-request";

function keeps(resourceType: string, query: string): boolean {
  return keepsToOnePatient(parseSearchRequest(resourceType, new URLSearchParams(query), { baseUrl: "https://lakeview.test/fhir/R4", strict: false }));
}

describe("keepsToOnePatient", () => {
  it("accepts one-patient searches", () => {
    expect(keeps("Observation", "patient=p1&code=http://loinc.org|4548-4")).toBe(true);
    expect(keeps("ExplanationOfBenefit", "patient=Patient/p1&_sort=-created&_count=20")).toBe(true);
    expect(keeps("Observation", "subject=p1")).toBe(true);
    expect(keeps("Coverage", "beneficiary=p1")).toBe(true);
  });

  it("rejects searches without one patient", () => {
    expect(keeps("Observation", "code=http://loinc.org|4548-4")).toBe(false);
    expect(keeps("Observation", "patient=p1,p2")).toBe(false);
    expect(keeps("Observation", "subject=Group/g1")).toBe(false);
    expect(keeps("ExplanationOfBenefit", "provider=Organization/o1")).toBe(false);
    expect(keeps("Observation", "patient.family=Smith")).toBe(false);
  });
});
