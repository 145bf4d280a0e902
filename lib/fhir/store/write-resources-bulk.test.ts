import type { Observation, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { normalizeSearchString } from "../normalize-search-string";
import { FhirStore } from "./fhir-store";

// Batches of this size take the COPY path on PostgreSQL (from 100 rows on) and the INSERT path on PGlite.
const batchSize = 150;

let db: Database;
let store: FhirStore;
let tick = Date.parse("2026-02-01T00:00:00Z");

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db, () => new Date((tick += 1000)));
});

afterAll(async () => {
  await db.close();
});

// Backslashes, tabs and line breaks have a meaning in COPY's text format, so they must arrive as data.
const awkwardText = "O'Brien\\Tab\there\nNew line\r\"quoted\" ü";

const patient = (index: number, family = `Family${index}`, idPrefix = "bulk-p-"): Patient => ({
  resourceType: "Patient",
  id: `${idPrefix}${index}`,
  identifier: [{ system: "urn:test:bulk\\system", value: `MRN\t${index}` }],
  name: [{ family, given: [awkwardText] }],
  birthDate: "1975-03-04",
});

const observation = (index: number): Observation => ({
  resourceType: "Observation",
  id: `bulk-o-${index}`,
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
  subject: { reference: `Patient/bulk-p-${index}` },
  effectiveDateTime: "2020-01-02",
  valueQuantity: { value: 1e-7 * (index + 1), unit: "%", system: "http://unitsofmeasure.org", code: "%" },
});

const range = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

async function countRows(table: string, where = "TRUE"): Promise<number> {
  const rows = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
  return rows[0]?.n ?? 0;
}

describe("writeResources in large batches", () => {
  it("stores content with COPY's special characters unchanged", async () => {
    const outcomes = await store.writeAll(range(batchSize).map((index) => ({ kind: "put", resource: patient(index) })));

    expect(outcomes.every((outcome) => outcome.kind === "created")).toBe(true);
    const stored = await store.read("Patient", "bulk-p-7");
    expect(stored).toEqual({ ...patient(7), meta: { versionId: "1", lastUpdated: outcomes[7]?.resource?.meta?.lastUpdated } });
    expect(stored.name?.[0]?.given?.[0]).toBe(awkwardText);
  });

  it("writes index rows with COPY's special characters unchanged", async () => {
    const ids = await store.findIdsByToken("Patient", "identifier", "urn:test:bulk\\system", "MRN\t42");

    expect(ids).toEqual(["bulk-p-42"]);
    expect(await countRows("search_token", "resource_type = 'Patient' AND resource_id LIKE 'bulk-p-%' AND param = 'identifier'")).toBe(batchSize);
    const strings = await db.sql.query<{ value: string }>(
      "SELECT value FROM search_string WHERE resource_id = 'bulk-p-3' AND param = 'given'",
    );
    expect(strings).toEqual([{ value: normalizeSearchString(awkwardText) }]);
  });

  it("indexes numbers, dates and compartments of a large batch", async () => {
    await store.writeAll(range(batchSize).map((index) => ({ kind: "put", resource: observation(index) })));

    const quantities = await db.sql.query<{ value: string }>(
      "SELECT value::text AS value FROM search_quantity WHERE resource_id = 'bulk-o-0' AND param = 'value-quantity'",
    );
    expect(quantities).toEqual([{ value: "0.0000001" }]);
    expect(await countRows("search_date", "resource_id LIKE 'bulk-o-%' AND param = 'date'")).toBe(batchSize);
    const inCompartment = await store.listInPatientCompartment("bulk-p-9", "Observation");
    expect(inCompartment.map((resource) => resource.id)).toEqual(["bulk-o-9"]);
  });

  it("updates, keeps and deletes in one large batch", async () => {
    const outcomes = await store.writeAll([
      ...range(batchSize).map((index) => ({ kind: "put" as const, resource: patient(index, index < 50 ? `Renamed${index}` : `Family${index}`) })),
      { kind: "delete", resourceType: "Patient", id: "bulk-p-149" },
    ]);

    expect(outcomes.filter((outcome) => outcome.kind === "updated")).toHaveLength(50);
    expect(outcomes.filter((outcome) => outcome.kind === "unchanged")).toHaveLength(batchSize - 50);
    expect(outcomes.at(-1)?.kind).toBe("deleted");
    expect((await store.read("Patient", "bulk-p-1")).name?.[0]?.family).toBe("Renamed1");
    await expect(store.read("Patient", "bulk-p-149")).rejects.toMatchObject({ code: "gone" });
    expect(await countRows("search_string", "resource_id = 'bulk-p-1' AND param = 'family' AND value = 'family1'")).toBe(0);
    expect(await countRows("search_string", "resource_id = 'bulk-p-1' AND param = 'family' AND value = 'renamed1'")).toBe(1);
    expect(await countRows("search_token", "resource_id = 'bulk-p-149'")).toBe(0);
  });

  it("applies repeated writes to one id in a large batch in order", async () => {
    const writes = range(batchSize).map((index) => ({ kind: "put" as const, resource: patient(1000 + (index % 75), `Round${Math.floor(index / 75)}`) }));

    const outcomes = await store.writeAll(writes);

    expect(outcomes.slice(0, 75).every((outcome) => outcome.kind === "created")).toBe(true);
    expect(outcomes.slice(75).every((outcome) => outcome.kind === "updated" && outcome.versionId === "2")).toBe(true);
    expect((await store.read("Patient", "bulk-p-1000")).name?.[0]?.family).toBe("Round1");
    expect(await countRows("resource_version", "id = 'bulk-p-1000'")).toBe(2);
    expect(await countRows("search_string", "resource_id = 'bulk-p-1000' AND param = 'family'")).toBe(1);
  });

  it("creates each resource once when two large batches race", async () => {
    const writes = range(batchSize).map((index) => ({ kind: "put" as const, resource: patient(index, "Racer", "bulk-race-") }));

    const results = await Promise.allSettled([store.writeAll(writes), store.writeAll(writes)]);

    // PGlite runs one transaction at a time, so the second batch finds the first one's rows and
    // changes nothing. On PostgreSQL the second either waits and does the same or, when both
    // passed their lock before either inserted, fails with a conflict and stores nothing.
    const rejected = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(rejected.length).toBeLessThanOrEqual(1);
    for (const reason of rejected) expect(reason).toMatchObject({ code: "conflict" });
    expect(await countRows("resource", "id LIKE 'bulk-race-%'")).toBe(batchSize);
    expect(await countRows("resource_version", "id LIKE 'bulk-race-%'")).toBe(batchSize);
    expect(await countRows("search_token", "resource_id LIKE 'bulk-race-%' AND param = 'identifier'")).toBe(batchSize);
  });
});
