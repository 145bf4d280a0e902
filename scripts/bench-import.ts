// `npm run bench:import`: imports the Synthea set into a fresh database on PGlite and on
// PostgreSQL and prints resources, seconds, resources/s, Node CPU time and peak RSS for each.
// The seconds and CPU times are those of the import only: connecting, migrating and loading the
// R4 definitions come first and are left out; the start-up CPU time is printed on its own.
// Each run is a child process of its own, so its peak RSS is its own. BENCHMARKS.md records the
// results.
//
//   npm run bench:import -- [--runs N] [--backend pglite|postgres] [--batch-size N] [--no-worker] [PATH...]
//
// On PostgreSQL the import hashes and indexes resources in a worker thread, as `npm run import`
// does. --no-worker keeps that work on the main thread, for comparison. The worker starts before
// the timing, like the definitions.
// PATH defaults to ../shared/data/synthea beside the project. PostgreSQL is BENCH_DATABASE_URL,
// else DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test; each run uses a new schema
// that it drops at the end. PGlite runs use a new temporary data folder, removed at the end.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { openDatabase, type Database, type DatabaseOptions } from "@/lib/db/database";
import { defaultBatchSize, importPaths } from "@/lib/ingest/import-paths";
import { countStored } from "@/lib/ingest/import-report";
import { loadImportDefinitions } from "@/lib/ingest/load-import-definitions";
import { PrecomputePool } from "@/lib/ingest/precompute-pool";

type Backend = "pglite" | "postgres";

interface RunResult {
  backend: Backend;
  resources: number;
  rejections: number;
  seconds: number;
  /**
   * User plus system CPU time of the importing Node process during the import, all its threads
   * together. Loading the definitions (startupCpuSeconds) comes before and is not included.
   */
  nodeCpuSeconds: number;
  /** Node CPU time of loading the R4 element index and compiling the search parameters, once per process. */
  startupCpuSeconds: number;
  /** User plus system CPU time of the PostgreSQL backends serving the import; absent for PGlite. */
  postgresCpuSeconds?: number;
  resourcesPerSecond: number;
  peakRssMiB: number;
}

const projectRoot = path.resolve(import.meta.dirname, "..");
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "1" },
    backend: { type: "string", multiple: true },
    "batch-size": { type: "string", default: String(defaultBatchSize) },
    "no-worker": { type: "boolean", default: false },
    child: { type: "string" },
  },
});
const inputs = positionals.length > 0 ? positionals : [path.resolve(projectRoot, "../shared/data/synthea")];
const batchSize = Number(values["batch-size"]);

// The child's PostgreSQL connections carry this name, so that their backends can be found.
const applicationName = `lakeview-bench-${process.pid}`;

if (values.child) {
  process.env.PGAPPNAME = applicationName;
  const result = await runOnce(values.child as Backend);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await runAll();
}

async function runAll(): Promise<void> {
  const backends = (values.backend ?? ["pglite", "postgres"]) as Backend[];
  const runs = Number(values.runs);
  console.log(`Importing ${inputs.join(", ")} with batch size ${batchSize}${values["no-worker"] ? ", no worker thread," : ""} on ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}.`);
  console.log(`Load average before: ${loadAverage()}; other work on the machine slows the runs.`);

  for (const backend of backends) {
    const results: RunResult[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = runChild(backend);
      results.push(result);
      console.log(
        `${backend} run ${run}: ${result.resources} resources, ${result.rejections} rejections, ${result.seconds.toFixed(2)} s, ` +
          `${result.resourcesPerSecond} resources/s, Node CPU ${result.nodeCpuSeconds.toFixed(2)} s (start-up ${result.startupCpuSeconds.toFixed(2)} s before), ` +
          `${result.postgresCpuSeconds === undefined ? "" : `PostgreSQL CPU ${result.postgresCpuSeconds.toFixed(2)} s, `}peak RSS ${result.peakRssMiB} MiB`,
      );
    }
    printSummary(backend, results);
  }
  console.log(`Load average after: ${loadAverage()}.`);
}

function loadAverage(): string {
  return loadavg().map((load) => load.toFixed(2)).join(", ");
}

function runChild(backend: Backend): RunResult {
  const args = ["tsx", path.join(projectRoot, "scripts/bench-import.ts"), "--child", backend, "--batch-size", String(batchSize), ...(values["no-worker"] ? ["--no-worker"] : []), ...inputs];
  const child = spawnSync("npx", args, { encoding: "utf8", env: process.env, maxBuffer: 16 * 1024 * 1024 });
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("{")) {
    throw new Error(`The ${backend} run failed (exit code ${child.status ?? "none"}):\n${child.stderr}`);
  }
  return JSON.parse(line) as RunResult;
}

function printSummary(backend: Backend, results: RunResult[]): void {
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  // The lower middle run for an even count.
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) return;
  console.log(
    `${backend} median of ${results.length}: ${median.resources} resources, ${median.seconds.toFixed(2)} s, ${median.resourcesPerSecond} resources/s, ` +
      `peak RSS ${Math.max(...results.map((result) => result.peakRssMiB))} MiB (highest)`,
  );
}

async function runOnce(backend: Backend): Promise<RunResult> {
  const target = freshDatabase(backend);
  const db = await openDatabase(target.options);
  try {
    await applyMigrations(db);
    const startupBefore = process.cpuUsage();
    loadImportDefinitions();
    const pool = backend === "postgres" && !values["no-worker"] ? await PrecomputePool.start() : undefined;
    const startup = process.cpuUsage(startupBefore);
    const backendCpuBefore = await readBackendCpu(db);
    const cpuBefore = process.cpuUsage();
    const report = await importPaths(db, inputs, { batchSize, precomputePool: pool }).finally(() => pool?.close());
    const cpu = process.cpuUsage(cpuBefore);
    const backendCpuAfter = await readBackendCpu(db);
    const resources = countStored(report);
    const seconds = report.elapsedMs / 1000;
    return {
      backend,
      resources,
      rejections: report.rejections.length,
      seconds,
      // cpuUsage is in microseconds.
      nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
      startupCpuSeconds: (startup.user + startup.system) / 1e6,
      postgresCpuSeconds: backendCpuAfter && backendCpuBefore ? cpuSpent(backendCpuBefore, backendCpuAfter) : undefined,
      resourcesPerSecond: Math.round(resources / seconds),
      // maxRSS is in kibibytes.
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    if (target.schema) await db.exec(`DROP SCHEMA "${target.schema}" CASCADE`);
    await db.close();
    target.cleanUp();
  }
}

/**
 * Reads the CPU time of each PostgreSQL backend this process is connected to, in seconds, by
 * process id. The backends are found by the application name that the child sets through
 * PGAPPNAME, and read from /proc, so this works only for a server on this machine, readable by
 * this user. A backend that ended in between is left out. Returns undefined for PGlite or when
 * /proc cannot be read.
 */
async function readBackendCpu(db: Database): Promise<Map<number, number> | undefined> {
  if (db.kind !== "postgres") return undefined;
  const rows = await db.sql.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [applicationName]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const seconds = readProcessCpu(pid);
    if (seconds !== undefined) cpu.set(pid, seconds);
  }
  return rows.length > 0 && cpu.size === 0 ? undefined : cpu;
}

/** Reads a process's user plus system CPU time in seconds, or undefined when it has ended or /proc cannot be read. */
function readProcessCpu(pid: number): number | undefined {
  try {
    // Fields 14 and 15 of /proc/PID/stat are utime and stime, in clock ticks of 1/100 s on Linux.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Adds up the CPU each backend used between two readings; a backend started in between counts from zero. */
function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

function freshDatabase(backend: Backend): { options: DatabaseOptions; schema?: string; cleanUp: () => void } {
  if (backend === "postgres") {
    const schema = `bench_${randomBytes(6).toString("hex")}`;
    return { options: { url: postgresUrl, schema }, schema, cleanUp: () => undefined };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "lakeview-bench-"));
  return { options: { dataDir }, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) };
}
