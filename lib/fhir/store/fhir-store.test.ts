import type { Observation, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirError } from "../fhir-error";
import { FhirStore } from "./fhir-store";
import { writeNewResource } from "./write-resources";

let db: Database;
let store: FhirStore;
let tick = Date.parse("2026-01-01T00:00:00Z");

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db, () => new Date((tick += 1000)));
});

afterAll(async () => {
  await db.close();
});

const patient = (id: string, family: string): Patient => ({
  resourceType: "Patient",
  id,
  name: [{ family, given: ["Ana"] }],
  birthDate: "1980-05-17",
});

const observation = (id: string, patientId: string): Observation => ({
  resourceType: "Observation",
  id,
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: "2019-07",
  valueQuantity: { value: 6.8, unit: "%", system: "http://unitsofmeasure.org", code: "%" },
});

async function countRows(table: string): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

describe("FhirStore", () => {
  it("creates with a fresh id and store-set meta", async () => {
    const created = await store.create(patient("ignored", "Gómez"));

    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.meta?.versionId).toBe("1");
    expect(created.meta?.lastUpdated).toBe(new Date(tick).toISOString());
    await expect(store.read("Patient", created.id ?? "")).resolves.toEqual(created);
  });

  it("stores version text as written", async () => {
    const single = await store.create(patient("ignored", "Okafor"));
    const batch = await store.writeAll(Array.from({ length: 120 }, (_, index) => ({ kind: "put" as const, resource: patient(`p-text-${index}`, "Okafor") })));
    const written = [single, ...batch.map((outcome) => outcome.resource)];

    const rows = await db.sql.query<{ id: string; text: string }>(
      "SELECT id, content::text AS text FROM resource_version WHERE resource_type = 'Patient' AND id = ANY($1::text[])",
      [written.map((resource) => resource?.id)],
    );
    const texts = new Map(rows.map((row) => [row.id, row.text]));
    for (const resource of written) expect(texts.get(resource?.id ?? "")).toBe(JSON.stringify(resource));
  });

  it("keeps every version and reads each one", async () => {
    const first = await store.update(patient("p-versions", "Lee"));
    const second = await store.update(patient("p-versions", "Li"));

    expect(first.outcome).toBe("created");
    expect(second.outcome).toBe("updated");
    expect(second.resource.meta?.versionId).toBe("2");
    expect((await store.readVersion("Patient", "p-versions", "1")).name?.[0]?.family).toBe("Lee");
    expect((await store.read("Patient", "p-versions")).name?.[0]?.family).toBe("Li");
  });

  it("writes no version for unchanged content", async () => {
    await store.update(patient("p-same", "Okafor"));
    const versionsBefore = await countRows("resource_version");

    const again = await store.update(patient("p-same", "Okafor"));

    expect(again.outcome).toBe("unchanged");
    expect(again.resource.meta?.versionId).toBe("1");
    expect(await countRows("resource_version")).toBe(versionsBefore);
  });

  it("rejects update with stale version", async () => {
    await store.update(patient("p-stale", "Novak"));
    await store.update(patient("p-stale", "Novakova"), { ifMatch: "1" });

    const stale = store.update(patient("p-stale", "Novak-Smith"), { ifMatch: "1" });

    await expect(stale).rejects.toThrow(FhirError);
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    expect((await store.read("Patient", "p-stale")).name?.[0]?.family).toBe("Novakova");
  });

  it("records delete as tombstone in history", async () => {
    await store.update(patient("p-deleted", "Tran"));

    await store.remove("Patient", "p-deleted");

    await expect(store.read("Patient", "p-deleted")).rejects.toMatchObject({ code: "gone" });
    const history = await store.history("Patient", "p-deleted");
    expect(history.entry?.map((entry) => entry.request?.method)).toEqual(["DELETE", "POST"]);
    expect((await store.readVersion("Patient", "p-deleted", "1")).name?.[0]?.family).toBe("Tran");
  });

  it("reports an unknown id as not found", async () => {
    await expect(store.read("Patient", "no-such-id")).rejects.toMatchObject({ code: "not-found" });
    await expect(store.history("Patient", "no-such-id")).rejects.toMatchObject({ code: "not-found" });
  });

  it("rejects an invalid resource with an OperationOutcome", async () => {
    const invalid = { ...patient("p-invalid", "Ruiz"), birthDate: "1980-13-45" };

    const error = await store.update(invalid).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FhirError);
    const outcome = (error as FhirError).toOperationOutcome();
    expect(outcome.issue[0]?.expression).toEqual(["Patient.birthDate"]);
    await expect(store.read("Patient", "p-invalid")).rejects.toMatchObject({ code: "not-found" });
  });

  it("puts a resource in its patient compartment", async () => {
    await store.writeAll([
      { kind: "put", resource: patient("p-a", "Adams") },
      { kind: "put", resource: patient("p-b", "Baker") },
      { kind: "put", resource: observation("o-a", "p-a") },
      { kind: "put", resource: observation("o-b", "p-b") },
    ]);

    const ofA = await store.listInPatientCompartment("p-a", "Observation");

    expect(ofA.map((resource) => resource.id)).toEqual(["o-a"]);
    expect((await store.listInPatientCompartment("p-a", "Patient")).map((resource) => resource.id)).toEqual(["p-a"]);
  });

  it("moves a resource between compartments on update", async () => {
    await store.writeAll([{ kind: "put", resource: observation("o-move", "p-a") }]);

    await store.writeAll([{ kind: "put", resource: observation("o-move", "p-b") }]);

    expect((await store.listInPatientCompartment("p-a", "Observation")).map((resource) => resource.id)).not.toContain("o-move");
    expect((await store.listInPatientCompartment("p-b", "Observation")).map((resource) => resource.id)).toContain("o-move");
  });

  it("indexes dates as the range their precision implies", async () => {
    await store.writeAll([{ kind: "put", resource: observation("o-date", "p-a") }]);

    const rows = await db.prisma.$queryRawUnsafe<{ start: Date; end: Date }[]>(
      `SELECT start, "end" FROM search_date WHERE resource_type = 'Observation' AND resource_id = 'o-date' AND param = 'date'`,
    );

    expect(rows).toEqual([{ start: new Date("2019-07-01T00:00:00Z"), end: new Date("2019-08-01T00:00:00Z") }]);
  });

  it("indexes quantities as exact decimals", async () => {
    const tiny: Observation = { ...observation("o-quantity", "p-a"), valueQuantity: { value: 1e-7, unit: "g", system: "http://unitsofmeasure.org", code: "g" } };
    await store.writeAll([{ kind: "put", resource: observation("o-quantity-a", "p-a") }, { kind: "put", resource: tiny }]);

    const rows = await db.sql.query<{ resource_id: string; value: string; code: string }>(
      "SELECT resource_id, value::text AS value, code FROM search_quantity WHERE resource_id IN ('o-quantity-a', 'o-quantity') AND param = 'value-quantity' ORDER BY resource_id",
    );

    expect(rows).toEqual([
      { resource_id: "o-quantity", value: "0.0000001", code: "g" },
      { resource_id: "o-quantity-a", value: "6.8", code: "%" },
    ]);
  });

  it("replaces index rows on update", async () => {
    const withCode = (code: string): Observation => ({ ...observation("o-recode", "p-a"), code: { coding: [{ system: "http://loinc.org", code }] } });
    await store.writeAll([{ kind: "put", resource: withCode("4548-4") }]);

    await store.writeAll([{ kind: "put", resource: withCode("2345-7") }]);
    await store.writeAll([{ kind: "put", resource: { ...withCode("2345-7"), status: "amended" } }]);

    const rows = await db.sql.query<{ code: string }>(
      "SELECT code FROM search_token WHERE resource_type = 'Observation' AND resource_id = 'o-recode' AND param = 'code'",
    );
    expect(rows).toEqual([{ code: "2345-7" }]);
    await expect(store.findIdsByToken("Observation", "code", "http://loinc.org", "4548-4")).resolves.not.toContain("o-recode");
  });

  it("finds ids by token and drops deleted ones", async () => {
    const withIdentifier = (id: string): Patient => ({ ...patient(id, "Khan"), identifier: [{ system: "urn:test:mrn", value: "MRN-7" }] });
    await store.writeAll([{ kind: "put", resource: withIdentifier("p-token-1") }, { kind: "put", resource: withIdentifier("p-token-2") }]);
    await store.remove("Patient", "p-token-2");

    const ids = await store.findIdsByToken("Patient", "identifier", "urn:test:mrn", "MRN-7");

    expect(ids).toEqual(["p-token-1"]);
  });

  it("creates with its index and compartment rows in the same write", async () => {
    const created = await store.create(observation("ignored", "p-a"));

    expect((await store.listInPatientCompartment("p-a", "Observation")).map((resource) => resource.id)).toContain(created.id);
    await expect(store.findIdsByToken("Observation", "code", "http://loinc.org", "4548-4")).resolves.toContain(created.id);
  });

  it("writes nothing when a new resource's id is taken after all", async () => {
    await store.update(observation("o-taken", "p-a"));
    const counts = async () => Promise.all(["resource", "resource_version", "search_token", "resource_compartment"].map(countRows));
    const before = await counts();

    const write = writeNewResource(db.sql, { ...observation("o-taken", "p-b"), status: "amended" }, new Date());

    await expect(write).rejects.toMatchObject({ code: "conflict" });
    expect(await counts()).toEqual(before);
    await expect(store.read("Observation", "o-taken")).resolves.toMatchObject({ status: "final", subject: { reference: "Patient/p-a" } });
  });

  it("rolls back a whole batch when one write conflicts", async () => {
    await store.update(patient("p-batch", "Silva"));
    const resourcesBefore = await countRows("resource");

    const batch = store.writeAll([
      { kind: "put", resource: patient("p-batch-new", "Costa") },
      { kind: "put", resource: patient("p-batch", "Souza"), ifMatch: "7" },
    ]);

    await expect(batch).rejects.toMatchObject({ code: "conflict" });
    expect(await countRows("resource")).toBe(resourcesBefore);
  });

  it("applies repeated writes to one id in order", async () => {
    const outcomes = await store.writeAll([
      { kind: "put", resource: patient("p-twice", "First") },
      { kind: "put", resource: patient("p-twice", "Second") },
    ]);

    expect(outcomes.map((outcome) => outcome.versionId)).toEqual(["1", "2"]);
    expect((await store.read("Patient", "p-twice")).name?.[0]?.family).toBe("Second");
    expect((await store.history("Patient", "p-twice")).total).toBe(2);
  });
});
