import type { Bundle, Observation, OperationOutcome, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { toFhirAuditRecord } from "./to-fhir-audit-record";

const recorded = new Date("2026-12-05T10:00:00Z");
const agents = [{ kind: "user" as const, id: "7d1f5c2e-0000-4000-8000-000000000001", display: "Ana Ruiz" }];
const observation = { resourceType: "Observation", id: "obs-1", status: "final", code: { text: "HbA1c" }, subject: { reference: "Patient/p-1" } } satisfies Observation;
const patient = { resourceType: "Patient", id: "p-2" } satisfies Patient;
const notFound = { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found" }] } satisfies OperationOutcome;

function record(method: string, path: string[], status: number, body?: unknown): ReturnType<typeof toFhirAuditRecord> {
  return toFhirAuditRecord({ method, path }, { status, body }, agents, { recorded });
}

describe("toFhirAuditRecord", () => {
  it.each([
    ["GET", ["Observation", "obs-1"], "read", "R"],
    ["GET", ["Observation", "obs-1", "_history", "2"], "vread", "R"],
    ["GET", ["Observation", "obs-1", "_history"], "history-instance", "R"],
    ["GET", ["Observation", "_history"], "history-type", "R"],
    ["GET", ["Observation"], "search-type", "R"],
    ["POST", ["Observation", "_search"], "search-type", "R"],
    ["GET", [], "search-system", "R"],
    ["POST", ["Observation"], "create", "C"],
    ["PUT", ["Observation", "obs-1"], "update", "U"],
    ["PATCH", ["Observation", "obs-1"], "patch", "U"],
    ["DELETE", ["Observation", "obs-1"], "delete", "D"],
    ["POST", [], "transaction", "E"],
    ["GET", ["Patient", "p-1", "$everything"], "operation", "E"],
    ["GET", ["$export"], "operation", "E"],
  ])("maps %s /%s to %s", (method, path, code, action) => {
    const result = record(method, path, 200);

    expect(result.subtype).toEqual({ system: "http://hl7.org/fhir/restful-interaction", code });
    expect(result.action).toBe(action);
  });

  it("names the patients behind $run rows", () => {
    const result = toFhirAuditRecord({ method: "POST", path: ["ViewDefinition", "$run"] }, { status: 200, body: "[]", auditPatientIds: ["p-2", "p-1"] }, agents, { recorded });

    expect(result.patientIds).toEqual(["p-1", "p-2"]);
    expect(result.resources).toEqual([]);
  });

  it("names the patient of a read resource", () => {
    const result = record("GET", ["Observation", "obs-1"], 200, observation);

    expect(result.patientIds).toEqual(["p-1"]);
    expect(result.resources).toEqual(["Observation/obs-1"]);
  });

  it("names every patient in a search bundle", () => {
    const bundle = { resourceType: "Bundle", type: "searchset", entry: [{ resource: observation }, { resource: patient }, { resource: notFound }] } satisfies Bundle;

    const result = record("GET", ["Observation"], 200, bundle);

    expect(result.patientIds).toEqual(["p-1", "p-2"]);
    expect(result.resources).toEqual(["Observation/obs-1", "Patient/p-2"]);
  });

  it("names the patient of a rejected Patient read", () => {
    const result = record("GET", ["Patient", "p-9"], 404, notFound);

    expect(result.patientIds).toEqual(["p-9"]);
    expect(result.resources).toEqual([]);
    expect(result.outcome).toBe("4");
  });

  it.each([
    [200, "0"],
    [201, "0"],
    [304, "0"],
    [403, "4"],
    [412, "4"],
    [500, "8"],
    [503, "8"],
  ])("records status %i as outcome %s", (status, expected) => {
    expect(record("GET", ["Observation"], status).outcome).toBe(expected);
  });
});
