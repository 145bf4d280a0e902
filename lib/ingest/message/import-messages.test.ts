import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { ExplanationOfBenefit, Organization, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { hasSampleData, SAMPLE_DATA_DIR } from "../../fhir/read-sample-resources";
import { FhirStore } from "../../fhir/store/fhir-store";
import { importPaths } from "../import-paths";
import { formatRejection } from "../import-rejection";

const hl7Dir = path.join(SAMPLE_DATA_DIR, "hl7v2/microsoft-fhir-converter");
const x12Dir = path.join(SAMPLE_DATA_DIR, "x12/linuxforhealth-x12");
const mergedSystem = "urn:lakeview:hl7v2:authority:BCBS";

let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-messages-"));
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Counts current resources and all versions per type, so two runs can be compared. */
async function countStored(): Promise<Record<string, string>> {
  const rows = await db.sql.query<{ resource_type: string; resources: number; versions: number }>(
    `SELECT r.resource_type, count(DISTINCT r.id)::int AS resources, count(*)::int AS versions
     FROM resource r JOIN resource_version v USING (resource_type, id) GROUP BY r.resource_type ORDER BY r.resource_type`,
  );
  return Object.fromEntries(rows.map((row) => [row.resource_type, `${row.resources}/${row.versions}`]));
}

/** Writes a folder mixing FHIR JSON, a garbled HL7 v2 file, an X12 .txt and a remittance for the 837 example claim. */
async function writeMixedFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(dir, "mixed-"));
  const organization: Organization = { resourceType: "Organization", id: "mixed-folder-payer", name: "Mixed Folder Health Plan" };
  await writeFile(path.join(folder, "organization.json"), JSON.stringify(organization));
  await writeFile(path.join(folder, "garbled.hl7"), "MSH|^~\\&|LAB|FAC|||20260304120000||ORU^R01|G1|P|2.5\nPID|1||1^^^X^MR\nO?X|broken\n");
  await writeFile(path.join(folder, "claims.txt"), await readFile(path.join(x12Dir, "837_005010X222A2/demo.example1.837")));
  const remittance = await readFile(path.join(x12Dir, "835_005010X221A1/managed-care.835"), "utf8");
  await writeFile(path.join(folder, "remittance.835"), remittance.replace("CLP*5554555444", "CLP*26463774"));
  return folder;
}

describe.skipIf(!hasSampleData())("importPaths with HL7 v2 and X12", () => {
  it("imports a mixed folder twice with identical counts", async () => {
    // The patient that the A40 sample merges is stored by an earlier import, as in production.
    const stored: Patient = { resourceType: "Patient", id: "stored-merged", identifier: [{ system: mergedSystem, value: "56789" }], birthDate: "2018-02-05" };
    await writeFile(path.join(dir, "merged-patient.json"), JSON.stringify(stored));
    await importPaths(db, [path.join(dir, "merged-patient.json")]);
    const folder = await writeMixedFolder();
    const paths = [folder, hl7Dir, x12Dir];

    const first = await importPaths(db, paths);
    const afterFirst = await countStored();
    const second = await importPaths(db, paths);
    const afterSecond = await countStored();

    expect(first.files.failed).toBe(0);
    expect(first.rejections.map((rejection) => path.basename(rejection.file))).toEqual(["garbled.hl7"]);
    expect(afterSecond).toEqual(afterFirst);
    expect(afterFirst.Claim).toBe("9/11");
    expect(afterFirst.Organization).toMatch(/^\d+\/\d+$/);
    expect(Object.keys(afterFirst)).toEqual(expect.arrayContaining(["Encounter", "Observation", "DiagnosticReport", "Immunization", "ExplanationOfBenefit", "PaymentReconciliation", "Provenance"]));
    expect(second.rejections.map(formatRejection)).toEqual(first.rejections.map(formatRejection));
  });

  it("adds no versions on a forced re-import", async () => {
    const before = await countStored();

    const report = await importPaths(db, [hl7Dir, x12Dir], { force: true });
    const after = await countStored();

    expect(after).toEqual(before);
    expect(report.byType.get("Encounter")).toEqual({ created: 0, updated: 0, unchanged: 8, existing: 0, deleted: 0 });
    expect(report.byType.get("Claim")).toEqual({ created: 0, updated: 0, unchanged: 11, existing: 0, deleted: 0 });
  });

  it("reports a left-out value as a warning", async () => {
    const report = await importPaths(db, [hl7Dir], { force: true });

    const warnings = report.warnings.map((warning) => `${path.basename(warning.file)} ${warning.line} ${warning.messageControlId} ${warning.field} ${warning.value}`);
    expect(warnings).toEqual(["ADT01-23.hl7 1 599102 PID-30 NO", "LAB-ORU-1.hl7 1 182 PID-30 NO"]);
  });

  it("reports and keeps a garbled message", async () => {
    const folder = await writeMixedFolder();

    const report = await importPaths(db, [folder]);
    const rows = await db.sql.query<{ path: string; line: number; segment: string; message: string }>("SELECT path, line, segment, message FROM failed_message WHERE path LIKE $1", [`${folder}%`]);

    const rejection = report.rejections.find((candidate) => candidate.file.endsWith("garbled.hl7"));
    expect(rejection?.line).toBe(1);
    expect(rejection?.issues[0]?.diagnostics).toContain("Line 3");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.segment).toBe("(none)");
    expect(rows[0]?.message).toContain("O?X|broken");
  });

  it("keeps the stored content of a merged patient", async () => {
    const store = new FhirStore(db);

    const merged = await store.read("Patient", "stored-merged");
    const survivorId = merged.link?.[0]?.other.reference?.split("/")[1] ?? "";
    const survivor = await store.read("Patient", survivorId);

    expect(merged.birthDate).toBe("2018-02-05");
    expect(merged.active).toBe(false);
    expect(merged.link?.[0]?.type).toBe("replaced-by");
    expect(survivor.link).toEqual([{ other: { reference: "Patient/stored-merged" }, type: "replaces" }]);
  });

  it("links a remittance to its claim", async () => {
    const claims = await new FhirStore(db).findIdsByToken("Claim", "identifier", "urn:lakeview:x12:claim-control-number", "26463774");
    const explanations = await db.sql.query<{ content: ExplanationOfBenefit }>(
      "SELECT v.content FROM resource r JOIN resource_version v USING (resource_type, id, version_id) WHERE r.resource_type = 'ExplanationOfBenefit'",
    );

    const linked = explanations.map((row) => row.content).filter((eob) => eob.claim);
    expect(claims).toHaveLength(1);
    expect(linked.map((eob) => eob.claim?.reference)).toEqual([`Claim/${claims[0]}`]);
  });

  it("puts health data in one patient's compartment", async () => {
    const rows = await db.sql.query<{ resource_type: string; patients: number }>(
      `SELECT r.resource_type, count(c.compartment_id)::int AS patients
       FROM resource r LEFT JOIN resource_compartment c
         ON c.resource_type = r.resource_type AND c.resource_id = r.id AND c.compartment_type = 'Patient'
       WHERE r.resource_type IN ('Encounter', 'Observation', 'DiagnosticReport', 'Immunization', 'Claim', 'ExplanationOfBenefit')
       GROUP BY r.resource_type, r.id`,
    );

    const outside = rows.filter((row) => row.patients !== 1);
    expect(rows.length).toBeGreaterThan(50);
    expect(outside).toEqual([]);
  });
});
