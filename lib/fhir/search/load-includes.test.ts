import type { Observation, Patient } from "fhir/r4";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../store/fhir-store";
import { parseSearchRequest } from "./parse-search-request";
import { searchResources } from "./search-resources";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const patient: Patient = { resourceType: "Patient", id: "inc-p1", name: [{ family: "Include" }] };
  const observations: Observation[] = [1, 2, 3].map((index) => ({
    resourceType: "Observation",
    id: `inc-o${index}`,
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
    subject: { reference: "Patient/inc-p1" },
  }));
  await new FhirStore(db).writeAll([patient, ...observations].map((resource) => ({ kind: "put", resource })));
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await db.close();
});

/** Runs a search with every resource visible and counts how often the matches' stored JSON is parsed. */
async function searchCountingParses(query: string): Promise<{ included: string[]; matches: number; parses: number }> {
  const parse = vi.spyOn(JSON, "parse");
  const request = parseSearchRequest("Observation", new URLSearchParams(query), { baseUrl: "http://localhost/fhir/R4", strict: true });
  const result = await searchResources(db.sql, request, { kind: "all" });
  const parses = parse.mock.calls.filter(([text]) => typeof text === "string" && /"resourceType": ?"Observation"/.test(text)).length;
  parse.mockRestore();
  return { included: result.included.map((stored) => `${stored.resource.resourceType}/${stored.resource.id ?? ""}`), matches: result.matches.length, parses };
}

describe("loadIncludes", () => {
  it("parses no match without includes", async () => {
    const result = await searchCountingParses("subject=Patient/inc-p1");

    expect(result.matches).toBe(3);
    expect(result.included).toEqual([]);
    expect(result.parses).toBe(0);
  });

  it("includes by reference without parsing", async () => {
    const result = await searchCountingParses("subject=Patient/inc-p1&_include=Observation:subject");

    expect(result.matches).toBe(3);
    expect(result.included).toEqual(["Patient/inc-p1"]);
    expect(result.parses).toBe(0);
  });

  it("revincludes from included resources", async () => {
    const request = parseSearchRequest("Patient", new URLSearchParams("_id=inc-p1&_revinclude=Observation:subject"), { baseUrl: "http://localhost/fhir/R4", strict: true });

    const result = await searchResources(db.sql, request, { kind: "all" });

    expect(result.matches.map((stored) => stored.resource.id)).toEqual(["inc-p1"]);
    expect(result.included.map((stored) => stored.resource.id).sort()).toEqual(["inc-o1", "inc-o2", "inc-o3"]);
  });
});
