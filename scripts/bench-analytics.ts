// `npm run bench:analytics`: loads N generated demo members into a fresh database, materializes
// every analytics view with a full refresh, changes 1,000 resources (updates and deletes), and
// times the incremental refresh that follows. Prints resources, rows and seconds per step.
//
//   npm run bench:analytics -- [--members N] [--changes N] [--backend pglite|postgres]
//
// PostgreSQL is BENCH_DATABASE_URL, else DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test;
// the run uses a new schema and analytics schema that it drops at the end. PGlite runs use a new
// temporary data folder, removed at the end. The seconds are wall-clock time on this machine,
// whatever else runs on it.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

import type { FhirResource } from "fhir/r4";

import { refreshAnalyticsViews, type ViewRefreshResult } from "@/lib/analytics/refresh-analytics-views";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { DEFAULT_DEMO_SEED, generateDemoData } from "@/lib/demo/generate-demo-data";
import type { ResourceWrite } from "@/lib/fhir/store/resource-write";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

import { openBenchDatabase } from "./open-bench-database";
import { benchChangeTypes, toBenchChange } from "./to-bench-change";

const WRITE_BATCH = 2000;

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "1000" },
    changes: { type: "string", default: "1000" },
    backend: { type: "string", default: "pglite" },
  },
});
const members = Number(values.members);
const changes = Number(values.changes);
if (!Number.isInteger(members) || members < 1 || !Number.isInteger(changes) || changes < 1 || (values.backend !== "pglite" && values.backend !== "postgres")) {
  console.error("Usage: npm run bench:analytics -- [--members N] [--changes N] [--backend pglite|postgres]; N is a positive whole number.");
  process.exit(2);
}

/** Picks `count` resources spread over the types the views read: most are updated, every tenth deleted. */
function planChanges(resources: FhirResource[], count: number): ResourceWrite[] {
  const candidates = resources.filter((resource) => benchChangeTypes.includes(resource.resourceType));
  const step = Math.max(1, Math.floor(candidates.length / count));
  return candidates
    .filter((_resource, index) => index % step === 0)
    .slice(0, count)
    .map(toBenchChange);
}

function summarize(results: ViewRefreshResult[]): { resources: number; rows: number } {
  return { resources: results.reduce((sum, result) => sum + result.resources, 0), rows: results.reduce((sum, result) => sum + result.rowCount, 0) };
}

async function main(): Promise<void> {
  console.log(`bench:analytics: ${members} members, ${changes} changes, ${values.backend}; ${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(2)).join(" ")}`);
  const { db, schema, cleanUp } = await openBenchDatabase(values.backend === "postgres" ? "postgres" : "pglite", "lakeview-bench-analytics-");
  try {
    await applyMigrations(db);
    let started = performance.now();
    const { resources } = generateDemoData({ members, seed: DEFAULT_DEMO_SEED });
    const store = new FhirStore(db);
    for (let start = 0; start < resources.length; start += WRITE_BATCH) {
      await store.writeAll(resources.slice(start, start + WRITE_BATCH).map((resource): ResourceWrite => ({ kind: "put", resource })));
    }
    console.log(`load: ${resources.length} resources in ${seconds(started)} s`);

    started = performance.now();
    const full = summarize(await refreshAnalyticsViews(db, { schema, full: true }));
    console.log(`full refresh: ${full.resources} resource evaluations summed over the views, ${full.rows} rows in ${seconds(started)} s`);

    const writes = planChanges(resources, changes);
    await store.writeAll(writes);
    started = performance.now();
    // The default 60-second look-back would re-read everything loaded a moment ago, so it is off here.
    const incremental = summarize(await refreshAnalyticsViews(db, { schema, watermarkOverlapMs: 0 }));
    console.log(`incremental refresh after ${writes.length} changed resources: ${incremental.resources} resource evaluations summed over the views, ${incremental.rows} rows in ${seconds(started)} s`);
  } finally {
    await cleanUp();
  }
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

await main();
