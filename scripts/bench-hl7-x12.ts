// `npm run bench:hl7-x12`: measures HL7 v2 messages per second and X12 837P claims per second,
// for conversion alone (parse and convert to FHIR entries, no database) and for the import into
// a fresh database (conversion, validation, matching and writes). The messages are synthetic
// (generateHl7Messages, generateX12Claims). Before timing, the R4 definitions are loaded and the
// database migrated, so the import figures leave out start-up.
//
//   npm run bench:hl7-x12 -- [--messages N] [--claims N] [--backend pglite|postgres]
//
// PostgreSQL is BENCH_DATABASE_URL, else DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test,
// in a new schema dropped at the end. PGlite runs in memory.
import { randomBytes } from "node:crypto";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { openDatabase, type Database } from "@/lib/db/database";
import { importPaths } from "@/lib/ingest/import-paths";
import { countStored } from "@/lib/ingest/import-report";
import { loadImportDefinitions } from "@/lib/ingest/load-import-definitions";
import { generateHl7Messages, generateX12Claims } from "@/lib/ingest/message/generate-sample-messages";
import { readMessagesInput } from "@/lib/ingest/message/read-messages-input";

// Messages per .hl7 file and claims per X12 file in the import runs, so the import reads many files.
const perFile = 100;

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "2000" },
    claims: { type: "string", default: "2000" },
    backend: { type: "string", default: "pglite" },
  },
});
const messageCount = Number(values.messages);
const claimCount = Number(values.claims);
const backend = values.backend;
if (!Number.isInteger(messageCount) || messageCount < 1 || !Number.isInteger(claimCount) || claimCount < 1) {
  throw new Error(`--messages "${values.messages}" and --claims "${values.claims}" must be positive whole numbers.`);
}
if (backend !== "pglite" && backend !== "postgres") {
  throw new Error(`--backend "${backend}" is not supported; use pglite or postgres.`);
}

console.log(`${messageCount} HL7 v2 messages and ${claimCount} X12 claims on ${backend}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}.`);
loadImportDefinitions();

const hl7Text = generateHl7Messages(messageCount);
const x12Text = generateX12Claims(claimCount);
const hl7Conversion = measure(() => readMessagesInput("hl7v2", hl7Text));
report("HL7 v2 conversion", messageCount, "messages", hl7Conversion);
const x12Conversion = measure(() => readMessagesInput("x12", x12Text));
report("X12 837P conversion", claimCount, "claims", x12Conversion);

const dir = await mkdtemp(path.join(tmpdir(), "lakeview-bench-hl7-x12-"));
const db = await openBenchDatabase();
try {
  await applyMigrations(db);
  await writeChunks(path.join(dir, "hl7"), ".hl7", messageCount, generateHl7Messages);
  await writeChunks(path.join(dir, "x12"), ".837", claimCount, generateX12Claims);
  await benchImport(db, path.join(dir, "hl7"), "HL7 v2 import", messageCount, "messages");
  await benchImport(db, path.join(dir, "x12"), "X12 837P import", claimCount, "claims");
} finally {
  await db.close();
  await rm(dir, { recursive: true, force: true });
}

/** Wall time and Node CPU time (user plus system, all threads) of some work, in seconds. */
interface Timing {
  seconds: number;
  cpuSeconds: number;
}

function measure(work: () => unknown): Timing {
  const started = performance.now();
  const cpu = process.cpuUsage();
  work();
  return elapsedSince(started, cpu);
}

function elapsedSince(started: number, cpu: NodeJS.CpuUsage): Timing {
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

// On a busy machine the wall time grows with the other work; the CPU time much less so.
function report(label: string, count: number, unit: string, timing: Timing, extra = ""): void {
  const perSecond = Math.round(count / timing.seconds);
  const perCpuSecond = Math.round(count / timing.cpuSeconds);
  console.log(`${label}: ${count} ${unit} in ${timing.seconds.toFixed(2)} s, ${perSecond} ${unit}/s; Node CPU ${timing.cpuSeconds.toFixed(2)} s, ${perCpuSecond} ${unit} per CPU second${extra}`);
}

async function benchImport(database: Database, folder: string, label: string, count: number, unit: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await importPaths(database, [folder]);
  report(label, count, unit, elapsedSince(started, cpu), ` (${countStored(result)} resources, ${result.rejections.length} rejections)`);
}

async function writeChunks(folder: string, extension: string, count: number, generate: (count: number, first: number) => string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let start = 0; start < count; start += perFile) {
    await writeFile(path.join(folder, `chunk-${String(start).padStart(7, "0")}${extension}`), generate(Math.min(perFile, count - start), start));
  }
}

async function openBenchDatabase(): Promise<Database> {
  if (backend === "pglite") return openDatabase({ dataDir: "memory://" });

  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  const database = await openDatabase({ url, schema });
  return { ...database, close: async () => {
    await database.exec(`DROP SCHEMA "${schema}" CASCADE`);
    await database.close();
  } };
}
