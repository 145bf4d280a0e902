// `npm run bench:measures`: the care-gap pipeline's throughput. It seeds --members demo members
// into a fresh database, then times a full evaluation of every own measure for every patient, an
// incremental run with nothing changed, and an incremental run after one new Observation.
//
//   npm run bench:measures -- [--backend pglite|postgres] [--members N] [--batch-size N]
//
// PostgreSQL is BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test, in a new
// schema dropped at the end; PGlite uses a new temporary data folder, removed at the end.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { openDatabase, type Database, type DatabaseOptions } from "@/lib/db/database";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { recomputeStaleCareGaps, type RecomputeSummary } from "@/lib/measures/pipeline/recompute-stale-care-gaps";
import { calendarYearPeriod } from "@/lib/measures/pipeline/measurement-period-of";
import { storeMeasures } from "@/lib/measures/store-own-measures";

const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
/** The demo data leads up to this day; the measurement period is its calendar year. */
const today = new Date("2026-12-05T12:00:00Z");

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "pglite" },
    members: { type: "string", default: "10000" },
    "batch-size": { type: "string", default: "200" },
  },
});
const backend = values.backend === "postgres" ? "postgres" : "pglite";
const members = Number(values.members);
const batchSize = Number(values["batch-size"]);
if (!Number.isInteger(members) || members < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
  console.error(`--members "${values.members}" and --batch-size "${values["batch-size"]}" must be positive whole numbers.`);
  process.exit(2);
}

const schema = `bench_measures_${randomBytes(4).toString("hex")}`;
const dataDir = backend === "pglite" ? mkdtempSync(path.join(tmpdir(), "lakeview-bench-measures-")) : null;
const options: DatabaseOptions = dataDir ? { dataDir } : { url: postgresUrl, schema };
const db = await openDatabase(options);

try {
  await applyMigrations(db);
  const seedStarted = Date.now();
  const seeded = await seedDemoData(db, { members, today });
  console.log(`${backend}: seeded ${members} members (${seeded?.resources ?? 0} resources) in ${seconds(seedStarted)} s`);
  await storeMeasures(db);

  const period = calendarYearPeriod(today);
  const full = await timed(() => recomputeStaleCareGaps(db, { period, all: true, batchSize }));
  report("full run", full);
  const idle = await timed(() => recomputeStaleCareGaps(db, { period, batchSize }));
  report("incremental, nothing changed", idle);

  await addObservation(db);
  const oneChange = await timed(() => recomputeStaleCareGaps(db, { period, batchSize }));
  report("incremental after one new Observation", oneChange);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2) ?? "?"} at the end`);
} finally {
  if (dataDir) {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  } else {
    await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  }
}

/** Stores a mammogram for the demo subscriber, which closes her breast cancer screening gap. */
async function addObservation(target: Database): Promise<void> {
  const [account] = await target.sql.query<{ patient_id: string }>("SELECT patient_id FROM app_user WHERE email = 'member@lakeview.example'");
  await new FhirStore(target).create({
    resourceType: "Observation",
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "24604-1", display: "MG Breast Diagnostic Limited Views" }] },
    subject: { reference: `Patient/${account?.patient_id ?? ""}` },
    effectiveDateTime: "2026-11-30",
  });
}

async function timed(run: () => Promise<RecomputeSummary>): Promise<{ summary: RecomputeSummary; ms: number }> {
  const started = performance.now();
  const summary = await run();
  return { summary, ms: performance.now() - started };
}

function report(label: string, { summary, ms }: { summary: RecomputeSummary; ms: number }): void {
  const rate = summary.patients > 1 ? ` (${((summary.patients / ms) * 1000).toFixed(0)} patients/s)` : "";
  console.log(
    `${label}: ${summary.patients} patients in ${(ms / 1000).toFixed(2)} s${rate}; ${summary.created} created, ${summary.updated} updated, ${summary.deleted} deleted, ${summary.unchanged} unchanged`,
  );
}

function seconds(started: number): string {
  return ((Date.now() - started) / 1000).toFixed(1);
}
