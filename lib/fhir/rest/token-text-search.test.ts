import type { Bundle, FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../store/fhir-store";
import { sendFhirRequest } from "./fhir-test-client";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const resources: FhirResource[] = [
    { resourceType: "Observation", id: "text-a1c", status: "final", code: { text: "Hemoglobin A1c", coding: [{ system: "http://loinc.org", code: "4548-4" }] } },
    { resourceType: "Observation", id: "text-glucose", status: "final", code: { coding: [{ system: "http://loinc.org", code: "2339-0", display: "Glucose [Mass/volume] in Blood" }] } },
    { resourceType: "Observation", id: "text-none", status: "final", code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] } },
    { resourceType: "Patient", id: "text-patient", identifier: [{ type: { text: "Médical record number" }, system: "urn:test:mrn", value: "123" }] },
  ];
  await new FhirStore(db).writeAll(resources.map((resource) => ({ kind: "put", resource })));
});

afterAll(async () => {
  await db.close();
});

async function searchIds(url: string): Promise<string[]> {
  const response = await sendFhirRequest(db, url);
  expect(response.status).toBe(200);
  return ((response.body as Bundle).entry ?? []).map((entry) => entry.resource?.id ?? "").sort();
}

describe("token :text search", () => {
  it.each([
    ["CodeableConcept.text", "Observation?code:text=hemoglobin", ["text-a1c"]],
    ["Coding.display", "Observation?code:text=glucose", ["text-glucose"]],
    ["a prefix of a later word", "Observation?code:text=blood", []],
    ["either of two values", "Observation?code:text=glucose,hemo", ["text-a1c", "text-glucose"]],
    ["Identifier.type.text without accents", "Patient?identifier:text=medical", ["text-patient"]],
  ])("matches %s", async (_name, url, expected) => {
    expect(await searchIds(url)).toEqual(expected);
  });
});
