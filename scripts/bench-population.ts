// `npm run bench:population`: measures the whole portal on a demo population that
// `npm run db:seed -- --members N` stored in the PostgreSQL database that DATABASE_URL (and
// DATABASE_SCHEMA) name. Run with --help for the steps. BENCHMARKS.md records the results.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import autocannon from "autocannon";

import type { FhirResource } from "fhir/r4";

import type { AggregateSource } from "@/lib/analytics/aggregates/aggregate-scope";
import { getGapClosureRates } from "@/lib/analytics/aggregates/get-gap-closure-rates";
import { getMemberSpending } from "@/lib/analytics/aggregates/get-member-spending";
import { getPopulationTotals } from "@/lib/analytics/aggregates/get-population-totals";
import { getRiskDistribution } from "@/lib/analytics/aggregates/get-risk-distribution";
import { listClaimCostByMonth } from "@/lib/analytics/aggregates/list-claim-cost-by-month";
import { listGapCounts } from "@/lib/analytics/aggregates/list-gap-counts";
import { listUtilizationPerThousand } from "@/lib/analytics/aggregates/list-utilization-per-thousand";
import { exportAnalyticsViews } from "@/lib/analytics/export/export-analytics-views";
import { refreshAnalyticsViews, type ViewRefreshResult } from "@/lib/analytics/refresh-analytics-views";
import { readPortalSettings } from "@/lib/config/read-portal-settings";
import { applyMigrations } from "@/lib/db/apply-migrations";
import type { Database } from "@/lib/db/database";
import type { ResourceWrite } from "@/lib/fhir/store/resource-write";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { calendarYearPeriod } from "@/lib/measures/pipeline/measurement-period-of";
import { updateCareGaps } from "@/lib/measures/pipeline/update-care-gaps";

import { openDatabaseOrExit } from "./open-database-or-exit";
import { signIn, timePage, withPortal } from "./portal-bench-client";
import { median, percentile, timeRepeated } from "./time-repeated";
import { benchChangeTypes, toBenchChange } from "./to-bench-change";

const allSteps = ["care-gaps", "analytics", "aggregates", "export", "pages", "fhir"] as const;
type Step = (typeof allSteps)[number];

const help = `Usage: DATABASE_URL=postgresql://... npm run bench:population -- [options]

Times the portal on a population stored with \`npm run db:seed -- --members N\`, step by step:
  care-gaps   evaluate every measure for every member
  analytics   rebuild every analytics view, then change 1,000 resources and refresh again
  aggregates  each chart query for one member, the demo care manager's panel and everyone
  export      write every view as Parquet to a temporary folder
  pages       start the portal (npm start) and time member, care-manager and admin pages,
              with the JavaScript each page loads
  fhir        FHIR searches over HTTP with autocannon at a fixed concurrency, signed in as
              the admin

The analytics step changes the population: it updates 900 resources and deletes 100, none of
them in a demo account's record.

Options:
  --steps LIST        comma-separated steps (default all, in the order above)
  --changes N         resources the analytics step changes (default 1000)
  --runs N            runs of each chart query (default 30)
  --requests N        requests of each page (default 30)
  --concurrency N     connections for the FHIR searches (default 4)
  --duration S        seconds of each FHIR search, after 10 of warm-up each (default 20)
  --rounds N          rounds of the FHIR searches, taking turns, with a summary over them
                      (default 1)
  --port N            port of the portal (default 3320)
  -h, --help          show this text
`;

const { values } = parseArgs({
  options: {
    steps: { type: "string", default: allSteps.join(",") },
    changes: { type: "string", default: "1000" },
    runs: { type: "string", default: "30" },
    requests: { type: "string", default: "30" },
    concurrency: { type: "string", default: "4" },
    duration: { type: "string", default: "20" },
    rounds: { type: "string", default: "1" },
    port: { type: "string", default: "3320" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(help);
  process.exit(0);
}
const steps = values.steps.split(",").map((step) => step.trim());
const unknownStep = steps.find((step) => !(allSteps as readonly string[]).includes(step));
if (unknownStep !== undefined) exitWithUsage(`--steps names "${unknownStep}", which is not one of ${allSteps.join(", ")}.`);
if (!process.env.DATABASE_URL) exitWithUsage("DATABASE_URL is missing. Set it to the PostgreSQL database that `npm run db:seed` filled.");
const changes = positiveInteger("--changes", values.changes);
const runs = positiveInteger("--runs", values.runs);
const requests = positiveInteger("--requests", values.requests);
const concurrency = positiveInteger("--concurrency", values.concurrency);
const durationSeconds = positiveInteger("--duration", values.duration);
const rounds = positiveInteger("--rounds", values.rounds);
const baseUrl = `http://127.0.0.1:${positiveInteger("--port", values.port)}`;
const settings = readPortalSettings(process.env);
const period = calendarYearPeriod(settings.demoToday);

const accounts = {
  member: { email: "member@lakeview.example", password: "demo-member-2026" },
  careManager: { email: "carol.manager@lakeview.example", password: "demo-manager-2026" },
  admin: { email: "admin@lakeview.example", password: "demo-admin-2026" },
};

function exitWithUsage(problem: string): never {
  console.error(`${problem}\nRun with --help for the options.`);
  process.exit(2);
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) exitWithUsage(`${name} "${text}" must be a positive whole number.`);
  return value;
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

function log(line: string): void {
  console.log(`${line}   [load average ${loadavg()[0]?.toFixed(2)}]`);
}

/** Evaluates every measure for every member of the measurement period the portal uses. */
async function benchCareGaps(db: Database): Promise<void> {
  const started = performance.now();
  const summary = await updateCareGaps(db, { period, all: true, print: (line) => process.stderr.write(`\r${line}`) });
  const elapsed = seconds(started);
  log(`\ncare gaps: ${summary.patients} patients in ${elapsed.toFixed(1)} s (${Math.round(summary.patients / elapsed)}/s); ${summary.created} created, ${summary.updated} updated`);
}

function summarize(results: ViewRefreshResult[]): string {
  const resources = results.reduce((sum, result) => sum + result.resources, 0);
  const rows = results.reduce((sum, result) => sum + result.rowCount, 0);
  return `${results.length} views, ${resources} resource evaluations, ${rows} rows`;
}

/** Rebuilds every view, then changes resources outside the demo accounts' records and refreshes. */
async function benchAnalytics(db: Database): Promise<void> {
  let started = performance.now();
  const full = await refreshAnalyticsViews(db, { full: true, onProgress: (progress) => process.stderr.write(`\r${progress.view}: ${progress.done}/${progress.total}      `) });
  log(`\nanalytics full refresh: ${summarize(full)} in ${seconds(started).toFixed(1)} s`);

  const writes = await planChanges(db);
  await new FhirStore(db).writeAll(writes);
  started = performance.now();
  // The default look-back of 60 s before each watermark would also re-read what the full refresh just wrote.
  const incremental = await refreshAnalyticsViews(db, { watermarkOverlapMs: 0 });
  log(`analytics incremental refresh after ${writes.length} changed resources: ${summarize(incremental)} in ${seconds(started).toFixed(1)} s`);
  await updateCareGaps(db, { period, print: () => undefined });
}

/**
 * Picks `changes` resources of the types the views read, spread by a hash of their ids, outside
 * the demo accounts' records so that the page step still finds them whole, and turns them into
 * benchmark changes.
 */
async function planChanges(db: Database): Promise<ResourceWrite[]> {
  const rows = await db.sql.query<{ content: FhirResource }>(
    `SELECT v.content FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE r.resource_type = ANY($1) AND NOT r.deleted
       AND NOT EXISTS (
         SELECT 1 FROM resource_compartment c JOIN app_user u ON u.patient_id = c.compartment_id
         WHERE c.compartment_type = 'Patient' AND c.resource_type = r.resource_type AND c.resource_id = r.id)
     ORDER BY md5(r.id || $2) LIMIT $3`,
    [benchChangeTypes, randomUUID(), changes],
  );
  return rows.map(({ content }, index) => toBenchChange(content, index));
}

/** Lists the patients on the demo care manager's panel. */
async function listPanelPatientIds(db: Database): Promise<string[]> {
  const rows = await db.sql.query<{ patient_id: string }>(
    `SELECT p.patient_id FROM care_panel_member p JOIN app_user u ON u.id = p.care_manager_id WHERE u.email = $1 ORDER BY p.patient_id`,
    [accounts.careManager.email],
  );
  return rows.map((row) => row.patient_id);
}

/** Times each chart query for the demo member, the demo care manager's panel and everyone. */
async function benchAggregates(db: Database): Promise<void> {
  const [member] = await db.sql.query<{ patient_id: string }>(`SELECT patient_id FROM app_user WHERE email = $1`, [accounts.member.email]);
  const panelIds = await listPanelPatientIds(db);
  if (!member) throw new Error(`No account ${accounts.member.email}; seed the database with npm run db:seed first.`);
  const memberSource: AggregateSource = { scope: { kind: "patients", patientIds: [member.patient_id] } };
  const panel: AggregateSource = { scope: { kind: "patients", patientIds: panelIds } };
  const everyone: AggregateSource = { scope: { kind: "all" } };
  const year = settings.demoToday.getUTCFullYear();
  const planYear = { firstDay: `${year}-01-01`, lastDay: `${year}-12-31` };
  const queries: [string, () => Promise<unknown>][] = [
    ["member: spending by month and category", () => getMemberSpending(db, memberSource, planYear, null)],
    [`panel of ${panelIds.length}: gap counts by measure`, () => listGapCounts(db, panel)],
    [`panel of ${panelIds.length}: risk distribution`, () => getRiskDistribution(db, panel, settings.demoToday)],
    [`panel of ${panelIds.length}: ER visits and admissions per 1,000`, () => listUtilizationPerThousand(db, panel, year - 4, year)],
    ["everyone: population totals", () => getPopulationTotals(db, everyone, settings.demoToday)],
    ["everyone: claims cost by month", () => listClaimCostByMonth(db, everyone, planYear)],
    ["everyone: gap closure rates", () => getGapClosureRates(db, everyone)],
  ];
  log(`aggregates (${runs} runs after one warm-up): query | median ms | p95 ms`);
  for (const [name, query] of queries) {
    const { median, p95 } = await timeRepeated(query, runs);
    console.log(`  ${name} | ${median.toFixed(1)} | ${p95.toFixed(1)}`);
  }
}

/** Writes every view as Parquet into a temporary folder, removed afterwards. */
async function benchExport(db: Database): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), "lakeview-bench-population-"));
  try {
    const started = performance.now();
    const results = await exportAnalyticsViews(db, { outDir, full: true });
    const elapsed = seconds(started);
    const rows = results.reduce((sum, result) => sum + result.rows, 0);
    const bytes = results.reduce((sum, result) => sum + result.bytes, 0);
    log(`export: ${results.length} views, ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB of Parquet in ${elapsed.toFixed(1)} s (${Math.round(rows / elapsed)} rows/s)`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Sums the script files a page's HTML loads, as sent and gzip-compressed. */
async function measureScripts(html: string, cookie: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  // A browser with module support skips noModule scripts (the legacy polyfills), so they are left out.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []))];
  let bytes = 0;
  let gzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl), { headers: { cookie } })).arrayBuffer());
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { files: sources.length, bytes, gzipBytes };
}

/** Times each role's pages on the running portal and sums the JavaScript each loads. */
async function benchPages(db: Database): Promise<void> {
  const [panelMember = "none"] = await listPanelPatientIds(db);
  const pagesByRole: [keyof typeof accounts, string[]][] = [
    ["member", ["/member", "/member/claims", "/member/coverage", "/member/health", "/member/health/labs", "/member/spending", "/member/care-gaps"]],
    ["careManager", ["/care", `/care/members/${panelMember}`, "/care/insights"]],
    ["admin", ["/admin/dashboard"]],
  ];
  const kb = (bytes: number): string => (bytes / 1024).toFixed(0);
  log(`pages (${requests} requests each after three warm-ups): page | median ms | p95 ms | HTML KB | script files | script KB | gzip KB`);
  for (const [role, pages] of pagesByRole) {
    const cookie = await signIn(baseUrl, accounts[role].email, accounts[role].password);
    for (const page of pages) {
      const timing = await timePage(baseUrl, page, cookie, requests);
      const html = await (await fetch(`${baseUrl}${page}`, { headers: { cookie } })).text();
      const scripts = await measureScripts(html, cookie);
      console.log(`  ${page.replace(panelMember, "[id]")} | ${timing.median.toFixed(0)} | ${timing.p95.toFixed(0)} | ${kb(timing.bytes)} | ${scripts.files} | ${kb(scripts.bytes)} | ${kb(scripts.gzipBytes)}`);
    }
  }
}

/**
 * Sends each typical member search to the running portal with autocannon: ten seconds of each
 * for warm-up, then `rounds` rounds in which each search is measured for `durationSeconds` in
 * turn. Each of the `concurrency` connections waits for the response before the next request,
 * and the requests rotate over 200 patients picked by a hash of their ids. They ask for gzip as
 * browsers and SMART apps do, and the bodies are counted, not unpacked. autocannon parses
 * responses with far less CPU than fetch did, which took up to a quarter of the two cores from
 * the portal (BENCHMARKS.md).
 */
async function benchFhir(db: Database): Promise<void> {
  const patients = (await db.sql.query<{ id: string }>(`SELECT id FROM resource WHERE resource_type = 'Patient' AND NOT deleted ORDER BY md5(id) LIMIT 200`)).map((row) => row.id);
  const cookie = await signIn(baseUrl, accounts.admin.email, accounts.admin.password);
  const searches: [string, (id: string) => string][] = [
    ["EOB by patient, newest first", (id) => `/fhir/R4/ExplanationOfBenefit?patient=${id}&_sort=-created&_count=20`],
    ["Observation by patient and code (HbA1c)", (id) => `/fhir/R4/Observation?patient=${id}&code=http://loinc.org|4548-4`],
    ["Patient $everything", (id) => `/fhir/R4/Patient/${id}/$everything`],
  ];
  log(`FHIR over HTTP (${concurrency} connections, ${durationSeconds} s each, as the admin): search | requests | per second | median ms | p95 ms | errors | load generator CPU`);

  // A fresh portal on a fresh copy of the database serves its first searches slower, while the
  // server compiles its code and PostgreSQL reads the pages into its buffers. Each search runs
  // for ten seconds first, not counted, so that no round measures that.
  for (const [, url] of searches) await sendLoad(patients.map(url), cookie, 10);

  // The searches take turns round after round, so that a slow spell of the machine falls on each.
  const measured = new Map<string, SearchLoad[]>(searches.map(([name]) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const [name, url] of searches) {
      const load = await measureSearch(patients.map(url), cookie);
      measured.get(name)?.push(load);
      const label = rounds > 1 ? `${name}, round ${round}` : name;
      console.log(`  ${label} | ${load.times.length} | ${perSecond(load).toFixed(1)} | ${percentile(load.times, 0.5).toFixed(0)} | ${percentile(load.times, 0.95).toFixed(0)} | ${load.errors} | ${Math.round(load.cpuShare * 100)}% of a core`);
    }
  }
  if (rounds > 1) printRoundSummary(measured);
}

/** The measurement of one search: each response time in milliseconds, the failures, and the load generator's share of a core. */
interface SearchLoad {
  times: number[];
  errors: number;
  seconds: number;
  cpuShare: number;
}

/** Sends one search's load for `durationSeconds` and measures it. */
async function measureSearch(paths: string[], cookie: string): Promise<SearchLoad> {
  const times: number[] = [];
  let errors = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await sendLoad(paths, cookie, durationSeconds, (statusCode, responseTime) => {
    times.push(responseTime);
    if (statusCode !== 200) errors++;
  });
  const elapsed = seconds(started);
  // The load generator shares the machine's cores with the portal and PostgreSQL, so its own share is shown.
  const cpu = process.cpuUsage(cpuBefore);
  return { times, errors: errors + result.errors + result.timeouts, seconds: elapsed, cpuShare: (cpu.user + cpu.system) / 1e6 / elapsed };
}

/** Returns the responses per second of one measured search. */
function perSecond(load: SearchLoad): number {
  return load.times.length / load.seconds;
}

/** Prints each search over all rounds: the median round's requests per second with the range, and the latencies of all responses together. */
function printRoundSummary(measured: Map<string, SearchLoad[]>): void {
  log(`Over ${rounds} rounds: search | per second, median round (lowest to highest) | median ms | p95 ms | errors`);
  for (const [name, loads] of measured) {
    const rates = loads.map(perSecond).sort((a, b) => a - b);
    const times = loads.flatMap((load) => load.times);
    const errors = loads.reduce((sum, load) => sum + load.errors, 0);
    console.log(
      `  ${name} | ${median(rates).toFixed(1)} (${(rates[0] ?? 0).toFixed(1)} to ${(rates.at(-1) ?? 0).toFixed(1)}) | ${percentile(times, 0.5).toFixed(0)} | ${percentile(times, 0.95).toFixed(0)} | ${errors}`,
    );
  }
}

/**
 * Sends GET requests for `paths`, in turn, to the portal for `runSeconds` over `concurrency`
 * connections, and passes each response's status and time in milliseconds to `onResponse`.
 */
function sendLoad(
  paths: string[],
  cookie: string,
  runSeconds: number,
  onResponse?: (statusCode: number, responseTime: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const options: autocannon.Options = {
      url: baseUrl,
      connections: concurrency,
      duration: runSeconds,
      headers: { cookie, accept: "application/fhir+json", "accept-encoding": "gzip" },
      requests: paths.map((path) => ({ method: "GET", path })),
    };
    const instance = autocannon(options, (error: unknown, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) {
      instance.on("response", (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime));
    }
  });
}

/** The steps that work on the database directly. The `pages` and `fhir` steps share one portal after them. */
const dataSteps: Partial<Record<Step, (db: Database) => Promise<void>>> = {
  "care-gaps": benchCareGaps,
  analytics: benchAnalytics,
  aggregates: benchAggregates,
  export: benchExport,
};

const db = await openDatabaseOrExit();
try {
  await applyMigrations(db);
  // Statistics as autovacuum would leave them, because a server with autovacuum off has none after a seed.
  await db.exec("ANALYZE");
  const [counts] = await db.sql.query<{ patients: number; resources: number }>(
    `SELECT count(*) FILTER (WHERE resource_type = 'Patient')::int AS patients, count(*)::int AS resources FROM resource WHERE NOT deleted`,
  );
  log(`bench:population: ${counts?.patients} patients, ${counts?.resources} resources; ${cpus().length} CPUs`);
  for (const [step, run] of Object.entries(dataSteps)) {
    if (steps.includes(step)) await run(db);
  }
  if (steps.includes("pages") || steps.includes("fhir")) {
    await withPortal(baseUrl, {}, async () => {
      if (steps.includes("pages")) await benchPages(db);
      if (steps.includes("fhir")) await benchFhir(db);
    });
  }
} finally {
  await db.close();
}
