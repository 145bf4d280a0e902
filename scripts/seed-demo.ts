// `npm run db:seed -- --members N`: loads a demo population of up to a million members into an
// empty database, family by family with bounded memory, and prints its rate. Run with --help.
import { parseArgs } from "node:util";

import cliProgress from "cli-progress";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { DEFAULT_DEMO_SEED, MAX_STREAMED_DEMO_MEMBERS } from "@/lib/demo/generate-demo-data";
import { seedDemoData, type SeedProgress } from "@/lib/demo/seed-demo-data";

import { openDatabaseOrExit } from "./open-database-or-exit";

const help = `Usage: npm run db:seed -- [options]

Generates the deterministic demo population and stores it in the database that DATABASE_URL
names (PostgreSQL), or else the PGlite folder in LAKEVIEW_DATA_DIR (default .data/pglite), then
creates the demo sign-ins. Only a database without accounts is seeded. A run that stopped part
way can run again: resources already stored are rewritten unchanged and add no versions.

Options:
  --members N   members (Patients) to generate, 1 to ${MAX_STREAMED_DEMO_MEMBERS} (default 25)
  --seed N      integer seed; the same seed and member count give the same data (default ${DEFAULT_DEMO_SEED})
  -h, --help    show this text
`;

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "25" },
    seed: { type: "string", default: String(DEFAULT_DEMO_SEED) },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(help);
  process.exit(0);
}
const members = Number(values.members);
const seed = Number(values.seed);
if (!Number.isInteger(members) || members < 1 || members > MAX_STREAMED_DEMO_MEMBERS) {
  console.error(`--members "${values.members}" must be a whole number from 1 to ${MAX_STREAMED_DEMO_MEMBERS}.\nRun with --help for the options.`);
  process.exit(2);
}
if (!Number.isSafeInteger(seed)) {
  console.error(`--seed "${values.seed}" must be a whole number.\nRun with --help for the options.`);
  process.exit(2);
}

const db = await openDatabaseOrExit();
const bar = new cliProgress.SingleBar({ format: "{bar} {percentage}% | members {value}/{total} | resources {resources} | {rate}/s", stream: process.stderr }, cliProgress.Presets.shades_classic);
const started = performance.now();
let peakRss = process.memoryUsage().rss;
// Off a terminal the bar draws nothing, so logs of unattended runs get a line every 10 seconds.
const plainLineIntervalMs = 10_000;
let lastPlainLine = started;

function showProgress(progress: SeedProgress): void {
  const rate = Math.round(progress.resources / ((performance.now() - started) / 1000));
  if (process.stderr.isTTY) {
    bar.update(progress.membersDone, { resources: progress.resources, rate });
    return;
  }
  if (performance.now() - lastPlainLine < plainLineIntervalMs) return;
  lastPlainLine = performance.now();
  process.stderr.write(`seed: ${progress.membersDone}/${progress.members} members, ${progress.resources} resources (${rate}/s)\n`);
}

try {
  await applyMigrations(db);
  if (process.stderr.isTTY) bar.start(members, 0, { resources: 0, rate: 0 });
  const seeded = await seedDemoData(db, {
    members,
    seed,
    onProgress: (progress: SeedProgress) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      showProgress(progress);
    },
  });
  bar.stop();
  if (!seeded) {
    console.error("The database already has accounts, so no demo data was loaded; point DATABASE_URL or LAKEVIEW_DATA_DIR at an empty database.");
    process.exitCode = 1;
  } else {
    // Fresh statistics, so the first queries are planned for this size rather than for empty tables.
    await db.exec("ANALYZE");
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Stored ${seeded.resources} resources for ${seeded.members} members in ${seconds.toFixed(1)} s (${Math.round(seeded.resources / seconds)} resources/s); peak RSS ${Math.round(peakRss / 2 ** 20)} MiB.`,
    );
  }
} finally {
  bar.stop();
  await db.close();
}
