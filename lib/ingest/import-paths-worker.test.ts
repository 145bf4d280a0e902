import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Bundle, Patient } from "fhir/r4";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { importPaths } from "./import-paths";
import { PrecomputePool } from "./precompute-pool";

const dataDir = path.resolve(import.meta.dirname, "../../../shared/data/synthea/iris-fhir-template");
// Organizations and practitioners first, as Synthea expects, then a patient whose bundle has a
// name with an apostrophe and 171 entries, so that on PostgreSQL its rows go through COPY.
const files = ["hospitalInformation1596649672088.json", "practitionerInformation1596649672088.json", "Carroll471_O'Hara248_274f5452-2a39-44c4-a7cb-f36de467762e.json"].map((file) =>
  path.join(dataDir, file),
);

// The tables an import writes, each with the columns that do not depend on the clock.
const tables: Record<string, string> = {
  resource: "resource_type, id, version_id, deleted, content_hash",
  resource_version: "resource_type, id, version_id, deleted, content::jsonb - 'meta' AS content, content->'meta'->'profile' AS profile",
  search_token: "*",
  search_string: "*",
  search_date: "*",
  search_reference: "*",
  search_number: "*",
  search_quantity: "*",
  search_uri: "resource_type, resource_id, param, value",
  resource_compartment: "*",
};

let withWorker: Database;
let withoutWorker: Database;
let dir: string;

beforeAll(async () => {
  [withWorker, withoutWorker] = await Promise.all([openTestDatabase(), openTestDatabase()]);
  dir = await mkdtemp(path.join(tmpdir(), "lakeview-import-worker-"));
});

afterAll(async () => {
  await Promise.all([withWorker.close(), withoutWorker.close()]);
  await rm(dir, { recursive: true, force: true });
});

/**
 * Writes a batch of 120 patients whose text has what COPY escapes (backslash, tab, line break) and
 * characters of two and four bytes in UTF-8, enough of them to be copied rather than inserted.
 */
async function writeAwkwardBundle(): Promise<string> {
  const patient = (index: number): Patient => ({
    resourceType: "Patient",
    id: `worker-awkward-${index}`,
    meta: { profile: ["http://example.org/StructureDefinition/awkward"], tag: [{ system: "urn:test", code: "tab\there" }] },
    identifier: [{ system: "urn:test:mrn\\system", value: `MRN\t${index}\nnext` }],
    name: [{ family: "Gómez", given: [`Zoë ${index} 🩺`] }],
    text: { status: "generated", div: '<div xmlns="http://www.w3.org/1999/xhtml">C:\\path\\to\r\nfile</div>' },
  });
  const bundle: Bundle<Patient> = { resourceType: "Bundle", type: "batch", entry: Array.from({ length: 120 }, (_, index) => ({ resource: patient(index), request: { method: "PUT", url: `Patient/worker-awkward-${index}` } })) };
  const file = path.join(dir, "awkward.json");
  await writeFile(file, JSON.stringify(bundle));
  return file;
}

/** Reads every row of every table the import writes, sorted, without the write times. */
async function readStored(db: Database): Promise<Record<string, string[]>> {
  const stored: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(tables)) {
    const rows = await db.sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM (SELECT ${columns} FROM ${table}) t`);
    stored[table] = rows.map((row) => row.row).sort();
  }
  return stored;
}

// Only PostgreSQL copies index rows, so only there does the import hand work to the worker.
describe.skipIf(!existsSync(dataDir) || !process.env.TEST_DATABASE_URL)("importPaths with a precompute worker", () => {
  it("matches an import without it", async () => {
    const inputs = [...files, await writeAwkwardBundle()];
    const pool = await PrecomputePool.start();
    const report = await importPaths(withWorker, inputs, { precomputePool: pool }).finally(() => pool.close());
    const plain = await importPaths(withoutWorker, inputs);

    expect(report.rejections).toEqual([]);
    expect(pool.precomputedInWorker).toBeGreaterThan(300);
    expect([...report.byType]).toEqual([...plain.byType]);
    const stored = await readStored(withWorker);
    expect(stored.search_token?.length).toBeGreaterThan(500);
    expect(stored.resource_version?.filter((row) => row.includes("Zoë 7 🩺") && row.includes("C:\\\\path"))).toHaveLength(1);
    expect(stored).toEqual(await readStored(withoutWorker));
  });
});
