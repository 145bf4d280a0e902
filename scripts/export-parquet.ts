// `npm run export:parquet [-- --out DIR] [-- --full]`: writes every materialized analytics view as
// Hive-partitioned Parquet files, printing progress per view to standard error.
import path from "node:path";
import { parseArgs } from "node:util";

import { exportAnalyticsViews, type ExportProgress } from "@/lib/analytics/export/export-analytics-views";
import { ANALYTICS_SCHEMA } from "@/lib/analytics/refresh-analytics-views";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { FhirError } from "@/lib/fhir/fhir-error";

import { openDatabaseOrExit } from "./open-database-or-exit";

const DEFAULT_OUT = ".data/parquet";

const usage = `Usage: npm run export:parquet -- [options]

Writes each table of the "${ANALYTICS_SCHEMA}" schema as Parquet files in
<out>/<view>/resource_type=<type>/period=<YYYY or YYYY-MM or unknown>/part-<n>.parquet, with
<out>/_manifest.json recording what each view was written from. Views unchanged since the last
export are skipped. Run npm run analytics:refresh first: the export reads the materialized
tables, not the FHIR store.

Options:
  --out DIR   the output folder (default ${DEFAULT_OUT})
  --full      write every view, even unchanged ones
  --schema S  read the tables of schema S instead of "${ANALYTICS_SCHEMA}"
  --help      print this help

Exit codes: 0 done, 1 a view failed (its error is printed), 2 bad options.`;

async function main(): Promise<number> {
  let values: { out?: string; full?: boolean; schema?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" }, full: { type: "boolean" }, schema: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }

  const outDir = path.resolve(values.out ?? DEFAULT_OUT);
  const db = await openDatabaseOrExit();
  const started = performance.now();
  try {
    await applyMigrations(db);
    const results = await exportAnalyticsViews(db, { outDir, full: values.full, schema: values.schema, onProgress: printProgress });
    process.stderr.write("\n");
    for (const result of results) {
      console.log(`${result.view}: ${result.status}, ${result.rows} rows, ${result.files} files, ${result.bytes} bytes`);
    }
    if (results.length === 0) console.log(`No materialized views found; run npm run analytics:refresh first.`);
    console.log(`Exported ${results.filter((result) => result.status === "written").length} of ${results.length} views to ${outDir} in ${Math.round(performance.now() - started)} ms.`);
    return 0;
  } catch (error) {
    process.stderr.write("\n");
    if (!(error instanceof FhirError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.close();
  }
}

let lastView = "";

function printProgress(progress: ExportProgress): void {
  if (progress.view !== lastView && lastView !== "") process.stderr.write("\n");
  lastView = progress.view;
  process.stderr.write(`\r${progress.view}: ${progress.done}/${progress.total} rows`);
}

process.exitCode = await main();
