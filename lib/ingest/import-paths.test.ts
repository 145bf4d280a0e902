import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, FhirResource, Encounter, ExplanationOfBenefit, Organization } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { importPaths } from "./import-paths";
import type { TypeCounts } from "./import-report";
import { listInputFiles } from "./list-input-files";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const dataDir = path.resolve(projectRoot, "../shared/data");
const hasSharedData = existsSync(path.join(dataDir, "carin-bb")) && existsSync(path.join(dataDir, "synthea"));

const carinDir = path.join(dataDir, "carin-bb");
const iris = path.join(dataDir, "synthea/iris-fhir-template");
const smart = path.join(dataDir, "synthea/smart-generated-sample-data-r4");
const syntheaFiles = [
  path.join(iris, "hospitalInformation1596649672088.json"),
  path.join(iris, "practitionerInformation1596649672088.json"),
  path.join(iris, "Carroll471_O'Hara248_274f5452-2a39-44c4-a7cb-f36de467762e.json"),
  path.join(smart, "Luigi_Wiegand_e27d88b0-c5e5-4042-ad49-184f6a900ee3.json"),
];

// From practitionerInformation1596649672088.json and hospitalInformation1596649672088.json.
const practitionerNpi20 = "00000173-bfbc-8987-0000-000000000014";
const sturdyMemorial = "5e765f2b-e908-3888-9fc7-df2cb87beb58";

/**
 * A patient bundle in the style of newer Synthea releases, which the shared data predates: a
 * conditional create of a practitioner that practitionerInformation already holds, and
 * conditional references to it and to a hospital.
 */
const conditionalBundle = {
  resourceType: "Bundle",
  type: "transaction",
  entry: [
    {
      fullUrl: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000001",
      resource: { resourceType: "Practitioner", identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value: "20" }] },
      request: { method: "POST", url: "Practitioner", ifNoneExist: "identifier=http://hl7.org/fhir/sid/us-npi|20" },
    },
    {
      fullUrl: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000002",
      resource: { resourceType: "Patient", gender: "male", birthDate: "1970-01-01" },
      request: { method: "POST", url: "Patient" },
    },
    {
      fullUrl: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000003",
      resource: {
        resourceType: "Encounter",
        status: "finished",
        class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
        subject: { reference: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000002" },
        participant: [{ individual: { reference: "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|20" } }],
        serviceProvider: { reference: `Organization?identifier=https://github.com/synthetichealth/synthea|${sturdyMemorial}` },
      },
      request: { method: "POST", url: "Encounter" },
    },
    {
      fullUrl: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000004",
      resource: {
        resourceType: "Observation",
        status: "final",
        code: { coding: [{ system: "http://loinc.org", code: "8302-2" }] },
        subject: { reference: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000002" },
        encounter: { reference: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000003" },
        performer: [{ reference: "urn:uuid:8f1c2e0a-0000-4000-8000-000000000001" }],
      },
      request: { method: "POST", url: "Observation" },
    },
  ],
} satisfies Bundle<FhirResource>;

const zero: TypeCounts = { created: 0, updated: 0, unchanged: 0, existing: 0, deleted: 0 };

// Created: every distinct (type, id) once. Existing: Synthea patient bundles repeat hospital and
// practitioner entries without the utilization extensions, and the conditional create matched.
const firstImportCounts: Record<string, TypeCounts> = {
  CarePlan: { ...zero, created: 2 },
  CareTeam: { ...zero, created: 2 },
  Claim: { ...zero, created: 20 },
  Condition: { ...zero, created: 5 },
  Coverage: { ...zero, created: 4 },
  DiagnosticReport: { ...zero, created: 6 },
  Encounter: { ...zero, created: 19 },
  ExplanationOfBenefit: { ...zero, created: 38 },
  Immunization: { ...zero, created: 23 },
  MedicationRequest: { ...zero, created: 2 },
  Observation: { ...zero, created: 120 },
  Organization: { ...zero, created: 28, existing: 3 },
  Patient: { ...zero, created: 5 },
  Practitioner: { ...zero, created: 24, existing: 3 },
  Procedure: { ...zero, created: 9 },
  RelatedPerson: { ...zero, created: 1 },
};

let db: Database;
let store: FhirStore;
let workDir: string;
let inputs: string[];

async function listContentHashes(database: Database): Promise<string[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ key: string }[]>(
    "SELECT resource_type || '/' || id || ' ' || content_hash AS key FROM resource ORDER BY resource_type, id",
  );
  return rows.map((row) => row.key);
}

async function countRows(database: Database, table: "resource" | "resource_version"): Promise<number> {
  const rows = await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

describe.skipIf(!hasSharedData)(`importPaths on CARIN BB and Synthea${hasSharedData ? "" : " (skipped: ../shared/data is absent)"}`, () => {
  beforeAll(async () => {
    db = await openTestDatabase();
    store = new FhirStore(db);
    workDir = await mkdtemp(path.join(tmpdir(), "lakeview-import-"));
    const conditionalFile = path.join(workDir, "newer-synthea-patient.json");
    await writeFile(conditionalFile, JSON.stringify(conditionalBundle));
    inputs = [carinDir, ...syntheaFiles, conditionalFile];
  });

  afterAll(async () => {
    await db?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it("loads every file with no rejection", async () => {
    const report = await importPaths(db, inputs, { batchSize: 100 });

    expect(report.rejections).toEqual([]);
    expect(report.files).toEqual({ total: 47, read: 47, skipped: 0, duplicates: 0, failed: 0 });
    expect(Object.fromEntries([...report.byType].sort(([a], [b]) => a.localeCompare(b)))).toEqual(firstImportCounts);
    expect(await countRows(db, "resource")).toBe(308);
    expect(await countRows(db, "resource_version")).toBe(308);
  });

  it("rewrites urn:uuid references to stored resources", async () => {
    const synthea = await store.read("ExplanationOfBenefit", "e01bc81d-3f41-4072-8aac-450f3f419c8e");
    const carin: ExplanationOfBenefit = await store.read("ExplanationOfBenefit", "EOBInpatient1");

    expect(synthea.patient.reference).toBe("Patient/1ae0605d-e5b8-4d6d-a96d-c93dcbd57e06");
    await expect(store.read("Patient", "1ae0605d-e5b8-4d6d-a96d-c93dcbd57e06")).resolves.toMatchObject({ resourceType: "Patient" });
    expect(carin.patient.reference).toBe("Patient/Patient2");
    await expect(store.read("Patient", "Patient2")).resolves.toMatchObject({ resourceType: "Patient" });
  });

  it("resolves conditional references and creates", async () => {
    const encounter: Encounter = await store.read("Encounter", "8f1c2e0a-0000-4000-8000-000000000003");
    const observation = await store.read("Observation", "8f1c2e0a-0000-4000-8000-000000000004");

    expect(encounter.participant?.[0]?.individual?.reference).toBe(`Practitioner/${practitionerNpi20}`);
    expect(encounter.serviceProvider?.reference).toBe(`Organization/${sturdyMemorial}`);
    expect(encounter.subject?.reference).toBe("Patient/8f1c2e0a-0000-4000-8000-000000000002");
    expect(observation.performer?.[0]?.reference).toBe(`Practitioner/${practitionerNpi20}`);
    await expect(store.findIdsByToken("Practitioner", "identifier", "http://hl7.org/fhir/sid/us-npi", "20")).resolves.toEqual([practitionerNpi20]);
  });

  it("keeps the hospital bundle's copy of a shared organization", async () => {
    const hospital: Organization = await store.read("Organization", sturdyMemorial);

    expect(hospital.extension?.map((extension) => extension.url)).toContain("http://synthetichealth.github.io/synthea/utilization-encounters-extension");
    expect(hospital.meta?.versionId).toBe("1");
  });

  it("adds nothing when the same input is imported again", async () => {
    const resourcesBefore = await countRows(db, "resource");
    const versionsBefore = await countRows(db, "resource_version");

    const forced = await importPaths(db, inputs, { force: true });
    const skipped = await importPaths(db, inputs);

    const changed = [...forced.byType.values()].reduce((sum, counts) => sum + counts.created + counts.updated + counts.deleted, 0);
    expect(changed).toBe(0);
    expect(forced.rejections).toEqual([]);
    expect(skipped.files).toEqual({ total: 47, read: 0, skipped: 47, duplicates: 0, failed: 0 });
    expect(await countRows(db, "resource")).toBe(resourcesBefore);
    expect(await countRows(db, "resource_version")).toBe(versionsBefore);
  });

  it("resumes a stopped import to the same end state", async () => {
    const resumed = await openTestDatabase();
    try {
      const ordered = (await listInputFiles(inputs)).map((file) => file.path);
      await importPaths(resumed, ordered.slice(0, 20));
      // A stop after a batch commits but before its file is recorded leaves the file unrecorded.
      await resumed.prisma.importedFile.deleteMany({ where: { path: ordered[19] } });
      const rest = await importPaths(resumed, inputs);

      expect(rest.files.skipped).toBe(19);
      expect(rest.rejections).toEqual([]);
      expect(await listContentHashes(resumed)).toEqual(await listContentHashes(db));
      expect(await countRows(resumed, "resource_version")).toBe(await countRows(db, "resource_version"));
    } finally {
      await resumed.close();
    }
  });
});
