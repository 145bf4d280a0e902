import type { Bundle, Observation } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../store/fhir-store";
import { INDEXED_RESOURCE_TYPES, listSearchParameters } from "../search-parameters";
import { sendFhirRequest } from "./fhir-test-client";

// Observation's combo-* parameters are unions of two others. The store keeps only the parts'
// rows, and a search on the union looks for those.

const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";

const observations: Observation[] = [
  {
    resourceType: "Observation",
    id: "union-bp",
    status: "final",
    code: { coding: [{ system: LOINC, code: "85354-9", display: "Blood pressure panel" }] },
    component: [
      { code: { coding: [{ system: LOINC, code: "8480-6" }], text: "Systolic blood pressure" }, valueQuantity: { value: 128, system: UCUM, code: "mm[Hg]" } },
      { code: { coding: [{ system: LOINC, code: "8462-4" }] }, valueQuantity: { value: 82, system: UCUM, code: "mm[Hg]" } },
    ],
  },
  {
    resourceType: "Observation",
    id: "union-systolic",
    status: "final",
    code: { coding: [{ system: LOINC, code: "8480-6" }], text: "Systolic blood pressure" },
    valueQuantity: { value: 141, system: UCUM, code: "mm[Hg]" },
  },
  {
    resourceType: "Observation",
    id: "union-smoking",
    status: "final",
    code: { coding: [{ system: LOINC, code: "72166-2" }] },
    valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "266919005" }] },
  },
];

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const store = new FhirStore(db);
  for (const observation of observations) await store.update(observation);
});

afterAll(async () => {
  await db.close();
});

async function matchIds(url: string): Promise<string[]> {
  const response = await sendFhirRequest(db, url);
  expect(response.status).toBe(200);
  return ((response.body as Bundle).entry ?? []).map((entry) => entry.resource?.id ?? "");
}

describe("union search parameters", () => {
  it("marks only Observation's combo parameters", () => {
    const unions = ["Resource", ...INDEXED_RESOURCE_TYPES].flatMap((type) =>
      listSearchParameters(type).flatMap((parameter) => (parameter.indexedAs ? [`${type}.${parameter.code} = ${parameter.indexedAs.join(" + ")}`] : [])),
    );

    expect(unions).toEqual([
      "Observation.combo-code = code + component-code",
      "Observation.combo-data-absent-reason = component-data-absent-reason + data-absent-reason",
      "Observation.combo-value-concept = component-value-concept + value-concept",
      "Observation.combo-value-quantity = component-value-quantity + value-quantity",
    ]);
  });

  it("stores no rows under a union's code", async () => {
    const tokens = await db.sql.query<{ param: string }>("SELECT DISTINCT param FROM search_token WHERE resource_type = 'Observation' ORDER BY 1");
    const quantities = await db.sql.query<{ param: string }>("SELECT DISTINCT param FROM search_quantity WHERE resource_type = 'Observation' ORDER BY 1");

    expect(tokens.map((row) => row.param)).toEqual(["code", "component-code", "status", "value-concept"]);
    expect(quantities.map((row) => row.param)).toEqual(["component-value-quantity", "value-quantity"]);
  });

  it.each([
    ["Observation?combo-code=8480-6&_sort=_id", ["union-bp", "union-systolic"]],
    ["Observation?combo-code=85354-9", ["union-bp"]],
    ["Observation?combo-code:text=systolic&_sort=_id", ["union-bp", "union-systolic"]],
    ["Observation?combo-code:not=8480-6", ["union-smoking"]],
    ["Observation?combo-value-quantity=gt130", ["union-systolic"]],
    ["Observation?combo-value-quantity=82&_sort=_id", ["union-bp"]],
    ["Observation?combo-value-quantity:missing=true", ["union-smoking"]],
    ["Observation?combo-value-concept=http://snomed.info/sct|266919005", ["union-smoking"]],
    ["Observation?combo-code=8480-6&_sort=-combo-value-quantity", ["union-systolic", "union-bp"]],
    ["Observation?combo-code=8480-6&_sort=combo-value-quantity", ["union-bp", "union-systolic"]],
  ])("%s", async (url, expected) => {
    expect(await matchIds(url)).toEqual(expected);
  });
});
