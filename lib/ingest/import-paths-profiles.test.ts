import fs from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Patient } from "fhir/r4";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { SAMPLE_DATA_DIR } from "../fhir/read-sample-resources";
import { formatImportReport } from "./format-import-report";
import { importPaths } from "./import-paths";

const IG_DIR = path.join(SAMPLE_DATA_DIR, "igs");
const hasIgs = fs.existsSync(IG_DIR);
const US_CORE_PATIENT = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|6.1.0";

const patient = (id: string, extra: Partial<Patient> = {}): Patient => ({
  resourceType: "Patient",
  id,
  identifier: [{ system: "https://lakeview.example/fhir/member-id", value: id }],
  name: [{ family: "Rivera", given: ["Ana"] }],
  gender: "female",
  birthDate: "1980-02-03",
  ...extra,
});

let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-profiles-"));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function writeNdjson(name: string, resources: object[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, resources.map((resource) => JSON.stringify(resource)).join("\n"));
  return file;
}

describe.skipIf(!hasIgs)("importPaths with profiles", () => {
  it("rejects errors of a declared profile and keeps warnings", async () => {
    const file = await writeNdjson("patients.ndjson", [
      patient("profile-ok", { meta: { profile: [US_CORE_PATIENT] } }),
      patient("profile-bad", { meta: { profile: [US_CORE_PATIENT] }, name: [{ text: "Ana Rivera" }] }),
      patient("profile-undeclared", { name: [{ text: "Ana Rivera" }] }),
    ]);

    const report = await importPaths(db, [file], { igDir: IG_DIR });

    expect(report.byType.get("Patient")?.created).toBe(2);
    expect(report.rejections).toEqual([
      {
        file,
        line: 2,
        resourceType: "Patient",
        issues: [
          {
            expression: "Patient.name[0]",
            diagnostics:
              `Patient.name[0] fails invariant us-core-6 of ${US_CORE_PATIENT}: At least name.given and/or name.family are present or, if neither is available, the Data Absent Reason Extension is present. ` +
              "(FHIRPath: (family.exists() or given.exists()) xor extension.where(url='http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()); change the element so that the rule holds.",
          },
        ],
      },
    ]);
    expect(report.validation.profiles).toBe("checked");
    expect([...report.validation.findings.entries()]).toEqual([["USCorePatientProfile|6.1.0 us-core-6", expect.objectContaining({ severity: "warning", count: 1 })]]);
    expect(formatImportReport(report)).toContain("Kept with validation findings (1 rules; count, severity, rule, first example):\n       1 warning     USCorePatientProfile|6.1.0 us-core-6: Patient.name[0] fails invariant us-core-6");
  });

  it("checks resources converted from HL7 v2", async () => {
    // PID-8 (gender) is empty and PV1 has no visit type, which US Core requires of Patient and Encounter.
    const file = path.join(dir, "no-gender.hl7");
    await writeFile(file, ["MSH|^~\\&|ADT|HOSP|LAKEVIEW|PLAN|20260304120000||ADT^A04|PROFILE-1|P|2.5", "EVN|A04|20260304120000", "PID|1||PROFILE-1^^^HOSP^MR||Rivera^Ana||19800203", "PV1|1|O"].join("\r"));

    const report = await importPaths(db, [file], { igDir: IG_DIR });

    expect(report.rejections).toEqual([]);
    expect(report.byType.get("Patient")?.created).toBe(1);
    expect([...report.validation.findings.keys()]).toEqual(["USCorePatientProfile|6.1.0 Patient.gender min", "USCoreEncounterProfile|6.1.0 Encounter.type min"]);
  });

  it("checks base R4 only when profile validation is off", async () => {
    const file = await writeNdjson("patients-off.ndjson", [patient("profile-off", { meta: { profile: [US_CORE_PATIENT] }, name: [{ text: "Ana Rivera" }] })]);

    const report = await importPaths(db, [file], { igDir: IG_DIR, profileValidation: false });

    expect(report.rejections).toEqual([]);
    expect(formatImportReport(report)).toContain("Profiles were not checked because profile validation was turned off for this import; only base FHIR R4 was validated.");
  });
});

describe("importPaths without an IG folder", () => {
  it("says once that profiles were not checked", async () => {
    vi.stubEnv("LAKEVIEW_IG_DIR", "");
    const file = await writeNdjson("patients-unconfigured.ndjson", [patient("unconfigured-1"), patient("unconfigured-2")]);

    const report = await importPaths(db, [file]);

    expect(report.validation).toEqual({ profiles: "not-configured", findings: new Map() });
    expect(formatImportReport(report).match(/Profiles were not checked/g)).toHaveLength(1);
  });

  it("rejects an IG folder that does not exist", async () => {
    const missing = path.join(dir, "no-such-folder");
    vi.stubEnv("LAKEVIEW_IG_DIR", missing);
    const file = await writeNdjson("patients-missing-dir.ndjson", [patient("missing-dir")]);

    const result = importPaths(db, [file]);

    await expect(result).rejects.toThrow(
      `LAKEVIEW_IG_DIR "${missing}" is not an existing folder; point it at a folder of FHIR packages (one subfolder per package), or unset it to validate against base R4 only.`,
    );
  });
});
