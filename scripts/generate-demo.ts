// `npx tsx scripts/generate-demo.ts`: writes generated demo data to a JSON file and prints the
// resource counts and demo sign-ins. Run with --help for the options.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { DEFAULT_DEMO_TODAY } from "@/lib/demo/create-demo-clock";
import type { DemoData, DemoDataOptions } from "@/lib/demo/generate-demo-data";
import { DEFAULT_DEMO_SEED, generateDemoData } from "@/lib/demo/generate-demo-data";
import { summarizeDemoData } from "@/lib/demo/summarize-demo-data";

const usage = `Usage: npx tsx scripts/generate-demo.ts [options]

  --members N      number of members (Patients) to generate, default 25
  --seed N         integer seed; the same seed, members and today give identical output, default ${DEFAULT_DEMO_SEED}
  --today DATE     YYYY-MM-DD the data leads up to (noon in Arizona), default ${DEFAULT_DEMO_TODAY.toISOString().slice(0, 10)}
  --out FILE       output JSON file with { resources, accounts }, default .data/demo/demo-data.json
  --help           print this help`;

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "25" },
    seed: { type: "string", default: String(DEFAULT_DEMO_SEED) },
    today: { type: "string" },
    out: { type: "string", default: ".data/demo/demo-data.json" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const today = values.today === undefined ? undefined : parseToday(values.today);
const started = performance.now();
const data = generateOrExit({ members: Number(values.members), seed: Number(values.seed), today });
const generatedMs = Math.round(performance.now() - started);

writeDemoJson(values.out, data);
console.log(`Generated ${data.resources.length} resources for ${values.members} members in ${generatedMs} ms; wrote ${values.out}.`);
console.table(summarizeDemoData(data));
for (const account of data.accounts) {
  console.log(`  ${account.role.padEnd(12)} ${account.email.padEnd(32)} ${account.password}`);
}

function generateOrExit(options: DemoDataOptions): DemoData {
  try {
    return generateDemoData(options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
}

function parseToday(text: string): Date {
  const date = new Date(`${text}T12:00:00-07:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime())) {
    console.error(`--today must be a date as YYYY-MM-DD; it is "${text}".\n\n${usage}`);
    process.exit(2);
  }
  return date;
}

/**
 * Writes the data one resource per line. JSON.stringify of the whole object fails above a few
 * thousand members because the text exceeds V8's maximum string length.
 */
function writeDemoJson(file: string, demo: DemoData): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  try {
    writeSync(fd, '{"resources":[\n');
    demo.resources.forEach((resource, position) => {
      writeSync(fd, `${position === 0 ? "" : ",\n"}${JSON.stringify(resource)}`);
    });
    writeSync(fd, `\n],"accounts":${JSON.stringify(demo.accounts)}}\n`);
  } finally {
    closeSync(fd);
  }
}
