// `npm run bench:export`: loads N generated demo members into a fresh database, materializes the
// analytics views, then times a full Parquet export of them. Prints rows, bytes, rows/s and MB/s.
//
//   npm run bench:export -- [--members N] [--backend pglite|postgres]
//
// PostgreSQL is BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test, in a new schema
// dropped at the end. PGlite and the output use new temporary folders, removed at the end. The
// seconds are wall-clock time on this machine, whatever else runs on it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { exportAnalyticsViews } from "@/lib/analytics/export/export-analytics-views";
import { refreshAnalyticsViews } from "@/lib/analytics/refresh-analytics-views";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { openDatabase, type Database } from "@/lib/db/database";
import { DEFAULT_DEMO_SEED, generateDemoData } from "@/lib/demo/generate-demo-data";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

const WRITE_BATCH = 2000;

const { values } = parseArgs({ options: { members: { type: "string", default: "500" }, backend: { type: "string", default: "pglite" } } });
const members = Number(values.members);
if (!Number.isInteger(members) || members < 1 || (values.backend !== "pglite" && values.backend !== "postgres")) {
  console.error("Usage: npm run bench:export -- [--members N] [--backend pglite|postgres]; N is a positive whole number.");
  process.exit(2);
}

const scratch = mkdtempSync(path.join(tmpdir(), "lakeview-bench-export-"));
const schema = `bench_${randomBytes(4).toString("hex")}`;

async function openBenchDatabase(): Promise<Database> {
  if (values.backend === "postgres") {
    return openDatabase({ url: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test", schema });
  }
  return openDatabase({ dataDir: path.join(scratch, "pglite") });
}

async function main(): Promise<void> {
  console.log(`bench:export: ${members} members, ${values.backend}; ${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  const db = await openBenchDatabase();
  const analyticsSchema = `${schema}_analytics`;
  try {
    await applyMigrations(db);
    const { resources } = generateDemoData({ members, seed: DEFAULT_DEMO_SEED });
    const store = new FhirStore(db);
    for (let start = 0; start < resources.length; start += WRITE_BATCH) {
      await store.writeAll(resources.slice(start, start + WRITE_BATCH).map((resource) => ({ kind: "put" as const, resource })));
    }
    await refreshAnalyticsViews(db, { schema: analyticsSchema, full: true });

    const started = performance.now();
    const results = await exportAnalyticsViews(db, { outDir: path.join(scratch, "parquet"), schema: analyticsSchema, full: true });
    const elapsed = (performance.now() - started) / 1000;
    const rows = results.reduce((sum, result) => sum + result.rows, 0);
    const bytes = results.reduce((sum, result) => sum + result.bytes, 0);
    const files = results.reduce((sum, result) => sum + result.files, 0);
    console.log(`export: ${results.length} views, ${rows} rows, ${files} files, ${(bytes / 1e6).toFixed(2)} MB in ${elapsed.toFixed(1)} s`);
    console.log(`throughput: ${Math.round(rows / elapsed)} rows/s, ${(bytes / 1e6 / elapsed).toFixed(2)} MB/s of Parquet written`);
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS "${analyticsSchema}" CASCADE`);
    if (values.backend === "postgres") await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
