// `npm run bench:aggregates`: loads N generated demo members into a fresh database with two care
// gaps each, materializes the analytics views, then times every chart aggregate query R times
// and prints the median and 95th percentile in milliseconds. Member and panel queries are
// timed over one member and over a 50-member panel; admin queries over everyone.
//
//   npm run bench:aggregates -- [--members N] [--runs R] [--backend pglite|postgres]
//
// N defaults to 25, the member count `npm start` seeds. PostgreSQL is BENCH_DATABASE_URL, else
// DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test, in new schemas dropped at the
// end; PGlite uses a temporary data folder removed at the end. Times are wall-clock on this
// machine, whatever else runs on it.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

import type { FhirResource } from "fhir/r4";

import type { AggregateSource } from "@/lib/analytics/aggregates/aggregate-scope";
import { getGapClosureRates } from "@/lib/analytics/aggregates/get-gap-closure-rates";
import { getMemberSpending } from "@/lib/analytics/aggregates/get-member-spending";
import { getPopulationTotals } from "@/lib/analytics/aggregates/get-population-totals";
import { getRiskDistribution } from "@/lib/analytics/aggregates/get-risk-distribution";
import { listClaimCostByMonth } from "@/lib/analytics/aggregates/list-claim-cost-by-month";
import { listGapCounts } from "@/lib/analytics/aggregates/list-gap-counts";
import { listUtilizationPerThousand } from "@/lib/analytics/aggregates/list-utilization-per-thousand";
import { refreshAnalyticsViews } from "@/lib/analytics/refresh-analytics-views";
import { gapResources } from "@/lib/care-gaps/care-gap-test-resources";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { DEFAULT_DEMO_SEED, generateDemoData } from "@/lib/demo/generate-demo-data";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

import { openBenchDatabase } from "./open-bench-database";
import { timeRepeated } from "./time-repeated";

const WRITE_BATCH = 2000;
const PANEL_SIZE = 50;
const TODAY = new Date("2026-11-15T12:00:00Z");

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "25" },
    runs: { type: "string", default: "50" },
    backend: { type: "string", default: "pglite" },
  },
});
const members = Number(values.members);
const runs = Number(values.runs);
if (!Number.isInteger(members) || members < 1 || !Number.isInteger(runs) || runs < 1 || (values.backend !== "pglite" && values.backend !== "postgres")) {
  console.error("Usage: npm run bench:aggregates -- [--members N] [--runs R] [--backend pglite|postgres]; N and R are positive whole numbers.");
  process.exit(2);
}

/** Returns an open and a closed care gap with their MeasureReports for one patient. */
function careGapsOf(patientId: string): FhirResource[] {
  return [...gapResources(patientId, "lakeview-cms125", 2026, "open"), ...gapResources(patientId, "lakeview-cms130", 2026, "closed")];
}

async function main(): Promise<void> {
  const { db, schema, cleanUp } = await openBenchDatabase(values.backend === "postgres" ? "postgres" : "pglite", "lakeview-bench-aggregates-");
  try {
    await applyMigrations(db);
    const { resources } = generateDemoData({ members, seed: DEFAULT_DEMO_SEED, today: TODAY });
    const patientIds = resources.filter((resource) => resource.resourceType === "Patient").map((resource) => resource.id ?? "");
    const all = [...resources, ...patientIds.flatMap(careGapsOf)];
    const store = new FhirStore(db);
    for (let start = 0; start < all.length; start += WRITE_BATCH) {
      await store.writeAll(all.slice(start, start + WRITE_BATCH).map((resource) => ({ kind: "put", resource })));
    }
    await refreshAnalyticsViews(db, { schema });

    const member: AggregateSource = { scope: { kind: "patients", patientIds: patientIds.slice(0, 1) }, schema };
    const panel: AggregateSource = { scope: { kind: "patients", patientIds: patientIds.slice(0, PANEL_SIZE) }, schema };
    const everyone: AggregateSource = { scope: { kind: "all" }, schema };
    const planYear = { firstDay: "2026-01-01", lastDay: "2026-12-31" };
    const queries: [string, () => Promise<unknown>][] = [
      ["member: getMemberSpending", () => getMemberSpending(db, member, planYear, null)],
      ["panel: listGapCounts", () => listGapCounts(db, panel)],
      ["panel: getRiskDistribution", () => getRiskDistribution(db, panel, TODAY)],
      ["panel: listUtilizationPerThousand", () => listUtilizationPerThousand(db, panel, 2022, 2026)],
      ["admin: getPopulationTotals", () => getPopulationTotals(db, everyone, TODAY)],
      ["admin: listClaimCostByMonth", () => listClaimCostByMonth(db, everyone, { firstDay: "2025-12-01", lastDay: "2026-11-15" })],
      ["admin: getGapClosureRates", () => getGapClosureRates(db, everyone)],
    ];

    console.log(`${members} members, ${all.length} resources, ${values.backend}, ${runs} runs each; ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`);
    console.log("| query | median (ms) | p95 (ms) |\n| --- | --- | --- |");
    for (const [name, query] of queries) {
      const { median, p95 } = await timeRepeated(query, runs);
      console.log(`| ${name} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`);
    }
  } finally {
    await cleanUp();
  }
}

await main();
