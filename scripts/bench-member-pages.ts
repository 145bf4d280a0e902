// `npm run bench:pages`: the server time of the member pages for one member with about 5,000
// resources. It seeds the demo population into a fresh database, copies the demo subscriber's
// clinical and claim resources under new ids until their compartment contains --resources of them,
// starts the portal with `npm start`, signs in as that member and times each page over loopback.
// BENCHMARKS.md records the results.
//
//   npm run bench:pages -- [--backend pglite|postgres] [--requests N] [--resources N] [--port N]
//
// PostgreSQL is BENCH_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test, in a new
// schema dropped at the end; PGlite uses a new temporary data folder, removed at the end.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import type { Resource } from "fhir/r4";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { openDatabase, type DatabaseOptions } from "@/lib/db/database";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { importPaths } from "@/lib/ingest/import-paths";

import { signIn, timePage, withPortal } from "./portal-bench-client";

const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const member = { email: "member@lakeview.example", password: "demo-member-2026" };
const pages = ["/member", "/member/claims", "/member/health", "/member/health/labs", "/member/coverage"];
const copiedTypes = ["ExplanationOfBenefit", "Encounter", "Observation", "Condition", "Procedure", "Immunization", "MedicationRequest"];

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "pglite" },
    requests: { type: "string", default: "30" },
    resources: { type: "string", default: "5000" },
    port: { type: "string", default: "3300" },
  },
});
const backend = values.backend === "postgres" ? "postgres" : "pglite";
const requests = Number(values.requests);
const baseUrl = `http://127.0.0.1:${values.port}`;

const schema = `bench_pages_${randomBytes(4).toString("hex")}`;
const dataDir = backend === "pglite" ? mkdtempSync(path.join(tmpdir(), "lakeview-bench-pages-")) : null;
const options: DatabaseOptions = dataDir ? { dataDir } : { url: postgresUrl, schema };

try {
  const stored = await prepareDatabase(Number(values.resources));
  console.log(`${backend}: the member's compartment contains ${stored} resources; starting the portal`);
  const env: Record<string, string> = dataDir ? { LAKEVIEW_DATA_DIR: dataDir, DATABASE_URL: "" } : { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema };
  await withPortal(baseUrl, env, async () => {
    const cookie = await signIn(baseUrl, member.email, member.password);
    console.log(`page | requests | median ms | p95 ms | bytes`);
    for (const page of pages) {
      const result = await timePage(baseUrl, page, cookie, requests);
      console.log(`${page} | ${requests} | ${result.median.toFixed(0)} | ${result.p95.toFixed(0)} | ${result.bytes}`);
    }
  });
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} at the end`);
} finally {
  await cleanUp();
}

/** Seeds the demo data and grows the demo subscriber's compartment to `target` resources. */
async function prepareDatabase(target: number): Promise<number> {
  const db = await openDatabase(options);
  try {
    await applyMigrations(db);
    await seedDemoData(db, { members: 25 });
    const [account] = await db.sql.query<{ patient_id: string }>(`SELECT patient_id FROM app_user WHERE email = $1`, [member.email]);
    const patientId = account!.patient_id;
    const rows = await db.sql.query<{ content: Resource }>(
      `SELECT v.content FROM resource_compartment c
       JOIN resource r ON r.resource_type = c.resource_type AND r.id = c.resource_id
       JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
       WHERE c.compartment_type = 'Patient' AND c.compartment_id = $1 AND c.resource_type = ANY($2)`,
      [patientId, copiedTypes],
    );
    const originals = rows.map((row) => row.content);
    const [{ count }] = (await db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM resource_compartment WHERE compartment_type = 'Patient' AND compartment_id = $1`,
      [patientId],
    )) as [{ count: number }];

    const copies: Resource[] = [];
    for (let index = 0; count + copies.length < target; index++) {
      const original = originals[index % originals.length]!;
      copies.push({ ...original, id: randomUUID(), meta: undefined });
    }
    if (copies.length === 0) {
      return count;
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), "lakeview-bench-copies-")), "copies.ndjson");
    writeFileSync(file, copies.map((resource) => JSON.stringify(resource)).join("\n"));
    const report = await importPaths(db, [file]);
    rmSync(path.dirname(file), { recursive: true, force: true });
    if (report.rejections.length > 0) {
      throw new Error(`${report.rejections.length} copied resources were rejected, the first with: ${JSON.stringify(report.rejections[0]!.issues)}`);
    }
    return count + copies.length;
  } finally {
    await db.close();
  }
}

async function cleanUp(): Promise<void> {
  if (dataDir) {
    rmSync(dataDir, { recursive: true, force: true });
    return;
  }
  const db = await openDatabase({ url: postgresUrl });
  try {
    await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await db.close();
  }
}
