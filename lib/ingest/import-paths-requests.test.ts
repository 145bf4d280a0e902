import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, FhirResource, Patient, Practitioner } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { importPaths } from "./import-paths";
import type { ImportReport, TypeCounts } from "./import-report";

let db: Database;
let store: FhirStore;
let dir: string;
let fileNumber = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-requests-"));
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const npi = (value: string): Practitioner["identifier"] => [{ system: "http://hl7.org/fhir/sid/us-npi", value }];

async function importJson(content: unknown, extension = "json"): Promise<ImportReport> {
  const file = path.join(dir, `input-${++fileNumber}.${extension}`);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  // force, because several tests import the same bytes again on purpose.
  return importPaths(db, [file], { force: true });
}

function countsOf(report: ImportReport, resourceType: string): TypeCounts | undefined {
  return report.byType.get(resourceType);
}

const zero: TypeCounts = { created: 0, updated: 0, unchanged: 0, existing: 0, deleted: 0 };

describe("importPaths requests", () => {
  it("stores a PUT entry under the id in its URL", async () => {
    const bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [{ resource: { resourceType: "Patient", gender: "male" }, request: { method: "PUT", url: "Patient/put-1" } }],
    } satisfies Bundle<FhirResource>;

    const report = await importJson(bundle);

    expect(report.rejections).toEqual([]);
    expect(countsOf(report, "Patient")).toEqual({ ...zero, created: 1 });
    await expect(store.read("Patient", "put-1")).resolves.toMatchObject({ gender: "male" });
  });

  it("updates on a changed PUT and deletes on DELETE", async () => {
    const update = await importJson({
      resourceType: "Bundle",
      type: "batch",
      entry: [{ resource: { resourceType: "Patient", id: "put-1", gender: "female" }, request: { method: "PUT", url: "Patient/put-1" } }],
    } satisfies Bundle<FhirResource>);
    const remove = await importJson({ resourceType: "Bundle", type: "batch", entry: [{ request: { method: "DELETE", url: "Patient/put-1" } }] } satisfies Bundle<FhirResource>);

    expect(countsOf(update, "Patient")).toEqual({ ...zero, updated: 1 });
    expect(countsOf(remove, "Patient")).toEqual({ ...zero, deleted: 1 });
    await expect(store.read("Patient", "put-1")).rejects.toMatchObject({ code: "gone" });
  });

  it("deletes a stored resource on a transaction DELETE", async () => {
    await importJson({ resourceType: "Patient", id: "del-1", gender: "male" } satisfies Patient);
    await importJson({ resourceType: "Patient", id: "del-2", identifier: [{ system: "urn:example:member", value: "del-2" }] } satisfies Patient);

    const report = await importJson({
      resourceType: "Bundle",
      type: "transaction",
      entry: [{ request: { method: "DELETE", url: "Patient/del-1" } }, { request: { method: "DELETE", url: "Patient?identifier=urn:example:member|del-2" } }],
    } satisfies Bundle<FhirResource>);

    expect(report.rejections).toEqual([]);
    expect(countsOf(report, "Patient")).toEqual({ ...zero, deleted: 2 });
    await expect(store.read("Patient", "del-1")).rejects.toMatchObject({ code: "gone" });
    await expect(store.read("Patient", "del-2")).rejects.toMatchObject({ code: "gone" });
    await expect(store.readVersion("Patient", "del-1", "1")).resolves.toMatchObject({ gender: "male" });
  });

  it("creates on an unmatched ifNoneExist and reuses a matched one", async () => {
    const entry = (fullUrl: string) => ({
      fullUrl,
      resource: { resourceType: "Practitioner", identifier: npi("1234567893") } satisfies Practitioner,
      request: { method: "POST", url: "Practitioner", ifNoneExist: "identifier=http://hl7.org/fhir/sid/us-npi|1234567893" },
    });
    const observation = (fullUrl: string) => ({
      resource: {
        resourceType: "Observation",
        id: `obs-${fullUrl.slice(-1)}`,
        status: "final",
        code: { text: "note" },
        performer: [{ reference: fullUrl }],
      },
      request: { method: "PUT", url: `Observation/obs-${fullUrl.slice(-1)}` },
    });

    const first = await importJson({ resourceType: "Bundle", type: "transaction", entry: [entry("urn:uuid:dr-a"), observation("urn:uuid:dr-a")] });
    const second = await importJson({ resourceType: "Bundle", type: "transaction", entry: [entry("urn:uuid:dr-b"), observation("urn:uuid:dr-b")] });

    expect(countsOf(first, "Practitioner")).toEqual({ ...zero, created: 1 });
    expect(countsOf(second, "Practitioner")).toEqual({ ...zero, existing: 1 });
    await expect(store.read("Observation", "obs-b")).resolves.toMatchObject({ performer: [{ reference: "Practitioner/dr-a" }] });
    await expect(store.read("Practitioner", "dr-b")).rejects.toMatchObject({ code: "not-found" });
  });

  it("updates the one match of a conditional update", async () => {
    const report = await importJson({
      resourceType: "Bundle",
      type: "batch",
      entry: [
        {
          resource: { resourceType: "Practitioner", identifier: npi("1234567893"), active: false },
          request: { method: "PUT", url: "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893" },
        },
      ],
    });

    expect(countsOf(report, "Practitioner")).toEqual({ ...zero, updated: 1 });
    await expect(store.read("Practitioner", "dr-a")).resolves.toMatchObject({ active: false });
  });

  it("keeps the stored version for a POST of an existing id", async () => {
    const post = (gender: Patient["gender"]): Bundle<FhirResource> => ({
      resourceType: "Bundle",
      type: "transaction",
      entry: [{ fullUrl: "urn:uuid:post-1", resource: { resourceType: "Patient", gender }, request: { method: "POST", url: "Patient" } }],
    });

    const created = await importJson(post("male"));
    const same = await importJson(post("male"));
    const other = await importJson(post("female"));

    expect(countsOf(created, "Patient")).toEqual({ ...zero, created: 1 });
    expect(countsOf(same, "Patient")).toEqual({ ...zero, unchanged: 1 });
    expect(countsOf(other, "Patient")).toEqual({ ...zero, existing: 1 });
    await expect(store.read("Patient", "post-1")).resolves.toMatchObject({ gender: "male", meta: { versionId: "1" } });
  });

  it("upserts NDJSON lines by id", async () => {
    const lines = (gender: string) => [JSON.stringify({ resourceType: "Patient", id: "nd-1", gender }), JSON.stringify({ resourceType: "Patient", id: "nd-2" })].join("\n");

    const first = await importJson(lines("male"), "ndjson");
    const second = await importJson(lines("female"), "ndjson");

    expect(countsOf(first, "Patient")).toEqual({ ...zero, created: 2 });
    expect(countsOf(second, "Patient")).toEqual({ ...zero, updated: 1, unchanged: 1 });
  });

  it("applies a transaction's deletes before its creates", async () => {
    const report = await importJson({
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:post-1", resource: { resourceType: "Patient", gender: "other" }, request: { method: "POST", url: "Patient" } },
        { request: { method: "DELETE", url: "Patient/post-1" } },
      ],
    } satisfies Bundle<FhirResource>);

    expect(countsOf(report, "Patient")).toEqual({ ...zero, deleted: 1, created: 1 });
    await expect(store.read("Patient", "post-1")).resolves.toMatchObject({ gender: "other", meta: { versionId: "3" } });
  });
});
