import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { parseProfileForm } from "../profile/parse-profile-form";
import { toProfileView } from "../profile/to-profile-view";
import { updateMemberProfile } from "../profile/update-member-profile";
import { importPaths } from "./import-paths";

// Writers that race on the same resources: every write either lands as its own version or is
// rejected as a conflict, so no write silently replaces another one's version.

let db: Database;
let store: FhirStore;
let folder: string;

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
  folder = mkdtempSync(path.join(tmpdir(), "lakeview-concurrency-"));
});

afterAll(async () => {
  await db?.close();
  rmSync(folder, { recursive: true, force: true });
});

function patient(id: string, city: string): Patient {
  return {
    resourceType: "Patient",
    id,
    name: [{ family: "Okafor", given: ["Ada"] }],
    telecom: [{ system: "phone", value: "(602) 555-0110" }],
    address: [{ use: "home", line: ["5 Palo Verde Ln"], city, state: "AZ", postalCode: "85016" }],
  };
}

function writeBundle(name: string, patients: Patient[]): string {
  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "batch",
    entry: patients.map((resource) => ({ resource, request: { method: "PUT", url: `Patient/${resource.id ?? ""}` } })),
  };
  const file = path.join(folder, name);
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

async function listVersions(id: string): Promise<number[]> {
  const rows = await db.sql.query<{ version_id: number }>("SELECT version_id FROM resource_version WHERE resource_type = 'Patient' AND id = $1 ORDER BY version_id", [id]);
  return rows.map((row) => row.version_id);
}

describe("concurrent writers", () => {
  it("overlapping imports store each patient once", async () => {
    const shared = Array.from({ length: 40 }, (_, index) => patient(`overlap-${index}`, "Phoenix"));
    const first = writeBundle("first.json", shared.slice(0, 30));
    const second = writeBundle("second.json", shared.slice(10));

    const reports = await Promise.all([importPaths(db, [first]), importPaths(db, [second])]);

    expect(reports.flatMap((report) => report.rejections)).toEqual([]);
    const counts = await db.sql.query<{ resources: number; versions: number }>(
      "SELECT count(DISTINCT id)::int AS resources, count(*)::int AS versions FROM resource_version WHERE resource_type = 'Patient' AND id LIKE 'overlap-%'",
    );
    expect(counts[0]).toEqual({ resources: 40, versions: 40 });
  });

  it("profile saves during imports never lose a version", async () => {
    await store.update(patient("racing", "Phoenix"));
    const files = ["Tempe", "Mesa", "Chandler", "Gilbert"].map((city, index) => writeBundle(`race-${index}.json`, [patient("racing", city)]));

    const imports = Promise.all(files.map((file) => importPaths(db, [file])));
    const saves: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const form = new FormData();
      for (const [name, value] of Object.entries(toProfileView(await store.read("Patient", "racing")))) {
        if (value !== false) form.set(name, value === true ? "on" : value);
      }
      form.set("city", `Tucson ${round}`);
      const parsed = parseProfileForm(form);
      if (!parsed.ok) throw new Error(`profile form invalid: ${JSON.stringify(parsed.errors)}`);
      const result = await updateMemberProfile(store, "racing", parsed.values);
      saves.push(result.kind);
    }
    const reports = await imports;

    const written = reports.filter((report) => report.rejections.length === 0).length + saves.filter((kind) => kind === "saved").length;
    const versions = await listVersions("racing");
    expect(saves.every((kind) => kind === "saved" || kind === "conflict")).toBe(true);
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, index) => index + 1));
    // Version 1 is the seed; each import and each saved form added exactly one more, unless an
    // import found its content already stored.
    expect(versions.length).toBeLessThanOrEqual(written + 1);
    expect(versions.length).toBeGreaterThanOrEqual(saves.filter((kind) => kind === "saved").length + 1);
  });
});
