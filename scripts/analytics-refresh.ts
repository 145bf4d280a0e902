// `npm run analytics:refresh [-- --full]`: materializes the analytics views into the analytics
// schema of the configured database, printing progress per view to standard error.
import { parseArgs } from "node:util";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { ANALYTICS_SCHEMA, refreshAnalyticsViews, type RefreshProgress } from "@/lib/analytics/refresh-analytics-views";
import { FhirError } from "@/lib/fhir/fhir-error";

import { openDatabaseOrExit } from "./open-database-or-exit";

const usage = `Usage: npm run analytics:refresh -- [options]

Materializes every built-in and stored ViewDefinition into one table per view in the
"${ANALYTICS_SCHEMA}" schema. By default only the resources changed since each view's watermark
are applied; a new or changed view is rebuilt.

Options:
  --full      rebuild every table from scratch
  --schema S  write the tables into schema S instead of "${ANALYTICS_SCHEMA}"
  --help      print this help

Exit codes: 0 done, 1 a view failed (its error is printed), 2 bad options.`;

async function main(): Promise<number> {
  let values: { full?: boolean; schema?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { full: { type: "boolean" }, schema: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }

  const db = await openDatabaseOrExit();
  const started = performance.now();
  try {
    await applyMigrations(db);
    const results = await refreshAnalyticsViews(db, { full: values.full, schema: values.schema, onProgress: printProgress });
    process.stderr.write("\n");
    for (const result of results) {
      console.log(`${result.view}: ${result.mode}, ${result.resources} resources evaluated, ${result.rowCount} rows`);
    }
    console.log(`Refreshed ${results.length} views in ${Math.round(performance.now() - started)} ms.`);
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

function printProgress(progress: RefreshProgress): void {
  if (progress.view !== lastView && lastView !== "") process.stderr.write("\n");
  lastView = progress.view;
  process.stderr.write(`\r${progress.view} (${progress.mode}): ${progress.done}/${progress.total} resources`);
}

process.exitCode = await main();
