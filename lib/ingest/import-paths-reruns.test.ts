import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, FhirResource, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { formatImportReport } from "./format-import-report";
import { importPaths } from "./import-paths";
import { formatRejection } from "./import-rejection";
import type { ImportReport } from "./import-report";

let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-reruns-"));
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const patient = (id: string, fields: Partial<Patient> = {}): Patient => ({ resourceType: "Patient", id, gender: "female", ...fields });

/** Writes the files into a new folder named after `name` and returns the folder. */
async function writeCase(name: string, files: Record<string, string>): Promise<string> {
  const caseDir = path.join(dir, name);
  await mkdir(caseDir);
  for (const [file, content] of Object.entries(files)) {
    await writeFile(path.join(caseDir, file), content);
  }
  return caseDir;
}

function rejectionsOf(report: ImportReport, caseDir: string): string[] {
  return report.rejections.map((rejection) => formatRejection({ ...rejection, file: path.relative(caseDir, rejection.file) }));
}

async function countRecordedFiles(caseDir: string): Promise<number> {
  return db.prisma.importedFile.count({ where: { path: { startsWith: caseDir } } });
}

describe("importPaths on a second run", () => {
  it("reads a rejected transaction again and reports it", async () => {
    const bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:rt-p1", resource: patient("rt-p1"), request: { method: "POST", url: "Patient" } },
        { fullUrl: "urn:uuid:rt-p2", resource: patient("rt-p2", { birthDate: "1990-13-45" }), request: { method: "POST", url: "Patient" } },
      ],
    } satisfies Bundle<FhirResource>;
    const caseDir = await writeCase("rejected-transaction", { "transaction.json": JSON.stringify(bundle) });
    const expected = [
      'transaction.json Bundle.entry[1] Patient: Patient.birthDate "1990-13-45" is not a valid FHIR date. Use YYYY, YYYY-MM or YYYY-MM-DD. (at Patient.birthDate)',
      "transaction.json Bundle: Transaction rejected: 1 of 2 entries failed (listed above), so nothing from this bundle was stored.",
    ];

    const first = await importPaths(db, [caseDir]);
    const second = await importPaths(db, [caseDir]);

    expect(rejectionsOf(first, caseDir)).toEqual(expected);
    expect(rejectionsOf(second, caseDir)).toEqual(expected);
    expect(second.files).toEqual({ total: 1, read: 1, skipped: 0, duplicates: 0, failed: 0 });
    expect(formatImportReport(second)).not.toContain("Skipped");
    expect(await countRecordedFiles(caseDir)).toBe(0);
  });

  it("reads NDJSON with bad lines again without new versions", async () => {
    const lines = [JSON.stringify(patient("rn-p1")), JSON.stringify(patient("rn-p2", { gender: "robot" as Patient["gender"] })), "not json"];
    const caseDir = await writeCase("rejected-lines", { "patients.ndjson": lines.join("\n") });
    const expected = [
      "patients.ndjson line 3: Line is not valid JSON (Unexpected token 'o'); fix it or leave it out of the import.",
      'patients.ndjson line 2 Patient: Patient.gender "robot" is not in the required value set administrative-gender. Use one of: male, female, other, unknown. (at Patient.gender)',
    ];

    const first = await importPaths(db, [caseDir]);
    const second = await importPaths(db, [caseDir]);

    expect(rejectionsOf(first, caseDir)).toEqual(expected);
    expect(rejectionsOf(second, caseDir)).toEqual(expected);
    expect(first.byType.get("Patient")).toMatchObject({ created: 1, unchanged: 0 });
    expect(second.byType.get("Patient")).toMatchObject({ created: 0, unchanged: 1 });
    expect(second.files.skipped).toBe(0);
    expect(await countRecordedFiles(caseDir)).toBe(0);
  });

  it("skips a file that loaded with no rejection", async () => {
    const caseDir = await writeCase("clean", { "patient.json": JSON.stringify(patient("rc-p1")) });

    const first = await importPaths(db, [caseDir]);
    const second = await importPaths(db, [caseDir]);

    expect(first.files).toEqual({ total: 1, read: 1, skipped: 0, duplicates: 0, failed: 0 });
    expect(second.files).toEqual({ total: 1, read: 0, skipped: 1, duplicates: 0, failed: 0 });
    expect(formatImportReport(second)).toContain("Skipped 1 unchanged files that an earlier import finished with no rejection; --force imports them again.");
    expect(await countRecordedFiles(caseDir)).toBe(1);
  });

  it("rejects an empty NDJSON file on every run", async () => {
    const caseDir = await writeCase("empty-ndjson", { "empty.ndjson": "", "blank.jsonl": "\n  \n" });
    const expected = [
      "blank.jsonl: File is empty, so it contains no FHIR resource. Export the data again, or leave the file out of the import.",
      "empty.ndjson: File is empty, so it contains no FHIR resource. Export the data again, or leave the file out of the import.",
    ];

    const first = await importPaths(db, [caseDir]);
    const second = await importPaths(db, [caseDir]);

    expect(rejectionsOf(first, caseDir)).toEqual(expected);
    expect(rejectionsOf(second, caseDir)).toEqual(expected);
    expect(second.files).toEqual({ total: 2, read: 0, skipped: 0, duplicates: 0, failed: 2 });
  });

  it("rejects an empty JSON file after an empty NDJSON file", async () => {
    const ndjsonDir = await writeCase("empty-first", { "empty.ndjson": "" });
    const jsonDir = await writeCase("empty-then", { "empty.json": "" });

    await importPaths(db, [ndjsonDir]);
    const report = await importPaths(db, [jsonDir]);

    expect(rejectionsOf(report, jsonDir)).toEqual(["empty.json: File is empty, so it contains no FHIR resource. Export the data again, or leave the file out of the import."]);
    expect(report.files).toEqual({ total: 1, read: 0, skipped: 0, duplicates: 0, failed: 1 });
  });

  it("rejects an entryless bundle every run", async () => {
    const caseDir = await writeCase("empty-bundles", {
      "empty-batch.json": JSON.stringify({ resourceType: "Bundle", type: "batch", entry: [] }),
      "no-entry.json": JSON.stringify({ resourceType: "Bundle", type: "batch" }),
    });
    const expected = [
      "empty-batch.json: Bundle has no entries, so it contains no resource to import.",
      "no-entry.json: Bundle has no entries, so it contains no resource to import.",
    ];

    const first = await importPaths(db, [caseDir]);
    const second = await importPaths(db, [caseDir]);

    expect(rejectionsOf(first, caseDir)).toEqual(expected);
    expect(rejectionsOf(second, caseDir)).toEqual(expected);
    expect(second.files).toEqual({ total: 2, read: 0, skipped: 0, duplicates: 0, failed: 2 });
    expect(formatImportReport(second)).toContain("Imported 0 resources from 0 of 2 files, 2 could not be read");
    expect(await countRecordedFiles(caseDir)).toBe(0);
  });

  it("reads the same bytes again in another format", async () => {
    const bundle = {
      resourceType: "Bundle",
      id: "rf-bundle",
      type: "collection",
      entry: [{ fullUrl: "urn:uuid:rf-p1", resource: patient("rf-p1") }],
    } satisfies Bundle<FhirResource>;
    const caseDir = await writeCase("formats", { "bundle.ndjson": JSON.stringify(bundle), "bundle.json": JSON.stringify(bundle) });

    const asNdjson = await importPaths(db, [path.join(caseDir, "bundle.ndjson")]);
    const asJson = await importPaths(db, [path.join(caseDir, "bundle.json")]);

    expect(asNdjson.byType.get("Bundle")).toMatchObject({ created: 1 });
    expect(asJson.files).toEqual({ total: 1, read: 1, skipped: 0, duplicates: 0, failed: 0 });
    expect(asJson.byType.get("Patient")).toMatchObject({ created: 1 });
  });

  it("reads a file once when a run lists its bytes twice", async () => {
    const content = JSON.stringify(patient("rd-p1"));
    const caseDir = await writeCase("duplicates", { "a.json": content, "b.json": content });

    const report = await importPaths(db, [caseDir]);

    expect(report.files).toEqual({ total: 2, read: 1, skipped: 0, duplicates: 1, failed: 0 });
    expect(formatImportReport(report)).toContain("Skipped 1 files with the same content as a file read earlier in this run.");
    expect(formatImportReport(report)).not.toContain("earlier import");
  });
});
