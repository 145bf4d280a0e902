import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Observation } from "fhir/r4";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { generateDemoData } from "../../demo/generate-demo-data";
import { FhirStore } from "../../fhir/store/fhir-store";
import { listMaterializedViews } from "../list-materialized-views";
import { refreshAnalyticsViews } from "../refresh-analytics-views";
import { listAnalyticsTables, type AnalyticsTable } from "../sql/list-analytics-tables";
import { quoteIdentifier } from "../write-view-rows";
import { chooseExportPeriod } from "./choose-export-period";
import { exportAnalyticsViews } from "./export-analytics-views";
import { readExportManifest } from "./export-manifest";

// Each PostgreSQL test file has its own schema, so the analytics schema gets its own name too.
const SCHEMA = process.env.TEST_DATABASE_URL ? `analytics_${randomBytes(6).toString("hex")}` : "analytics";

let db: Database;
let store: FhirStore;
let outDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
  const { resources } = generateDemoData({ members: 3, seed: 5 });
  await store.writeAll(resources.map((resource) => ({ kind: "put", resource })));
  await refreshAnalyticsViews(db, { schema: SCHEMA });
  outDir = await mkdtemp(path.join(tmpdir(), "lakeview-parquet-"));
});

afterAll(async () => {
  if (process.env.TEST_DATABASE_URL) await db?.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(SCHEMA)} CASCADE`);
  await db?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Reads every table value as PostgreSQL's JSON text, the reference the files are compared with. */
async function readTable(table: AnalyticsTable): Promise<Record<string, string | null>[]> {
  const columns = table.columns.map((column) => `to_json(${quoteIdentifier(column.name)})::text AS ${quoteIdentifier(column.name)}`);
  return db.sql.query(`SELECT ${columns.join(", ")} FROM ${quoteIdentifier(SCHEMA)}.${quoteIdentifier(table.name)}`);
}

/** Reads every Parquet file of a view with hyparquet, adding the partition values from the folder names. */
async function readParquetFolder(folder: string): Promise<Record<string, unknown>[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".parquet")).map((entry) => path.join(entry.parentPath, entry.name));

  const rows: Record<string, unknown>[] = [];
  for (const file of files) {
    const partitions = Object.fromEntries(path.relative(folder, path.dirname(file)).split(path.sep).map((part) => part.split("=")));
    const objects = await parquetReadObjects({ file: await asyncBufferFromFile(file) });
    rows.push(...objects.map((object) => ({ ...object, ...partitions })));
  }
  return rows;
}

/** Brings a PostgreSQL JSON text and a hyparquet value to one string, by the column's SQL type. */
function canonical(type: string, value: unknown, from: "postgres" | "parquet"): string | null {
  if (value === null || value === undefined) return null;
  if (from === "postgres") value = JSON.parse(String(value));

  switch (type) {
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case "timestamp with time zone":
      return new Date(value as string | Date).toISOString();
    case "numeric":
    case "integer":
    case "bigint":
      return String(Number(value));
    case "jsonb":
      return JSON.stringify(from === "parquet" ? JSON.parse(String(value)) : value);
    default:
      return String(value);
  }
}

/** Computes the expected period folder of a PostgreSQL row from its period column. */
function expectedPeriod(table: AnalyticsTable, row: Record<string, string | null>): string {
  const period = chooseExportPeriod(table);
  const raw = period.column === null ? null : row[period.column];
  if (raw === null || raw === undefined || raw === "null") return "unknown";
  const iso = new Date(JSON.parse(raw) as string).toISOString();
  return period.granularity === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
}

async function modifiedTimes(folder: string): Promise<number[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).mtimeMs));
}

describe("exportAnalyticsViews", () => {
  it("writes every view that hyparquet reads back as in PostgreSQL", async () => {
    const results = await exportAnalyticsViews(db, { outDir, schema: SCHEMA });
    const tables = await listAnalyticsTables(db.sql, SCHEMA);
    const resourceTypes = new Map((await listMaterializedViews(db)).map((view) => [view.name, view.view.resourceType]));

    expect(results.map((result) => result.status)).toEqual(tables.map(() => "written"));
    const counts = new Map<string, number>();
    for (const table of tables) {
      const expected = (await readTable(table)).map((row) => [
        ...table.columns.map((column) => canonical(column.type, row[column.name], "postgres")),
        resourceTypes.get(table.name),
        expectedPeriod(table, row),
      ]);
      const actual = (await readParquetFolder(path.join(outDir, table.name))).map((row) => [
        ...table.columns.map((column) => canonical(column.type, row[column.name], "parquet")),
        row.resource_type,
        row.period,
      ]);
      const sort = (rows: unknown[][]): string[] => rows.map((row) => JSON.stringify(row)).sort();

      counts.set(table.name, expected.length);
      expect(sort(actual), table.name).toEqual(sort(expected));
    }
    // The demo data has no care gaps or measure reports, but claims and labs.
    expect(counts.get("claim_line")).toBeGreaterThan(0);
    expect(counts.get("lab_observation")).toBeGreaterThan(0);
  });

  it("writes Hive-style partition folders", async () => {
    const folders = await readdir(path.join(outDir, "claim_line", "resource_type=ExplanationOfBenefit"));

    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(folder).toMatch(/^period=(\d{4}-\d{2}|unknown)$/);
  });

  it("skips views unchanged since the last export", async () => {
    const before = await modifiedTimes(outDir);

    const results = await exportAnalyticsViews(db, { outDir, schema: SCHEMA });

    expect(results.every((result) => result.status === "unchanged")).toBe(true);
    expect((await modifiedTimes(outDir)).sort()).toEqual(before.sort());
  });

  it("writes again only the view whose table changed", async () => {
    const [lab] = await db.sql.query<{ id: string }>(`SELECT _resource_id AS id FROM ${quoteIdentifier(SCHEMA)}.lab_observation LIMIT 1`);
    const observation: Observation = await store.read("Observation", lab?.id ?? "");
    await store.update({ ...observation, status: "amended" });
    await refreshAnalyticsViews(db, { schema: SCHEMA });

    const results = await exportAnalyticsViews(db, { outDir, schema: SCHEMA });
    const rows = await readParquetFolder(path.join(outDir, "lab_observation"));

    expect(results.filter((result) => result.status === "written").map((result) => result.view)).toEqual(["lab_observation"]);
    expect(rows.filter((row) => row._resource_id === lab?.id).map((row) => row.status)).toContain("amended");
  });

  it("writes every view again with full", async () => {
    const results = await exportAnalyticsViews(db, { outDir, schema: SCHEMA, full: true });
    const manifest = await readExportManifest(outDir);

    expect(results.every((result) => result.status === "written")).toBe(true);
    expect(Object.keys(manifest.views).sort()).toEqual(results.map((result) => result.view).sort());
  });

  it("removes folders left by a stopped export", async () => {
    await mkdir(path.join(outDir, ".tmp-claim_line-99999", "resource_type=x"), { recursive: true });

    await exportAnalyticsViews(db, { outDir, schema: SCHEMA });

    expect((await readdir(outDir)).filter((name) => name.startsWith("."))).toEqual([]);
  });
});
