import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isFhirError } from "../fhir/fhir-error";
import { listInputFiles } from "./list-input-files";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-list-input-"));
  const files = [
    "b/Zed_Patient_1.json",
    "b/practitionerInformation1.json",
    "a/Anna_Patient_2.json",
    "a/hospitalInformation1.json",
    "a/Organization-Payer1.json",
    "bulk/Practitioner.ndjson",
    "bulk/Observation.jsonl",
    "notes.txt",
    "README.md",
    "exports/claims.csv",
    "exports/old/summary.txt",
  ];
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), "{}");
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("listInputFiles", () => {
  it("orders provider bundles, then provider types, then paths", async () => {
    const files = await listInputFiles([dir]);

    expect(files.map((file) => path.relative(dir, file.path))).toEqual([
      "a/hospitalInformation1.json",
      "b/practitionerInformation1.json",
      "a/Organization-Payer1.json",
      "bulk/Practitioner.ndjson",
      "a/Anna_Patient_2.json",
      "b/Zed_Patient_1.json",
      "bulk/Observation.jsonl",
    ]);
  });

  it("keeps an explicit file whatever its extension, once", async () => {
    const notes = path.join(dir, "notes.txt");

    const files = await listInputFiles([notes, notes]);

    expect(files).toEqual([{ path: notes, size: 2 }]);
  });

  it("rejects a missing path as not found", async () => {
    const missing = path.join(dir, "missing");

    const error: unknown = await listInputFiles([missing]).catch((caught: unknown) => caught);

    expect(isFhirError(error, "not-found")).toBe(true);
    expect((error as Error).message).toBe(`Input path ${missing} was not found; check the spelling or give the folder that contains it.`);
  });

  it("rejects a folder with no import files", async () => {
    const exports = path.join(dir, "exports");

    const error: unknown = await listInputFiles([path.join(dir, "a"), exports]).catch((caught: unknown) => caught);

    expect(isFhirError(error, "not-found")).toBe(true);
    expect((error as Error).message).toBe(
      `Folder ${exports} contains no *.json, *.ndjson, *.jsonl, *.hl7 or X12 file, so there is nothing to import. Give the folder that contains the files, or name the files.`,
    );
  });

  it("keeps HL7 v2 and X12 files, remittances last", async () => {
    const mixed = path.join(dir, "mixed");
    await mkdir(mixed);
    const contents: Record<string, string> = {
      "a.835": "ISA*00*",
      "b.json": "{}",
      "c.hl7": "MSH|^~\\&|",
      "d.837": "ISA*00*",
      "e.txt": "\uFEFFISA*00*",
      "f.txt": "not X12",
      "g.edi": "ISA*00*",
    };
    for (const [name, content] of Object.entries(contents)) await writeFile(path.join(mixed, name), content);

    const files = await listInputFiles([mixed]);

    expect(files.map((file) => path.basename(file.path))).toEqual(["b.json", "c.hl7", "d.837", "e.txt", "g.edi", "a.835"]);
  });
});
