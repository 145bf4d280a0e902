import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { openDatabase, type Database, type DatabaseOptions } from "@/lib/db/database";
import { openTestDatabase } from "@/lib/db/open-test-database";
import { hasSampleData, SAMPLE_DATA_DIR } from "@/lib/fhir/read-sample-resources";
import { importPaths } from "@/lib/ingest/import-paths";

// Kills `npm run import` with SIGKILL part way through, imports again, and checks that the store
// ends with exactly what one uninterrupted import stores: the same resources, one version each.
// It runs on the backend of the current pass: PostgreSQL when TEST_DATABASE_URL is set, else a
// PGlite folder.

const syntheaDir = path.join(SAMPLE_DATA_DIR, "synthea/smart-generated-sample-data-r4");
const projectRoot = path.resolve(import.meta.dirname, "..");
const postgresUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

interface StoreCounts {
  byType: Record<string, number>;
  versions: number;
  maxVersion: number;
}

/**
 * Types the CLI writes after the import itself: the Measures and the care gaps it computes. The
 * in-process baseline does not compute them, so the comparison leaves them out.
 */
const careGapTypes = ["Measure", "MeasureReport", "DetectedIssue"];

async function countStore(db: Database): Promise<StoreCounts> {
  const rows = await db.sql.query<{ resource_type: string; count: number }>(
    "SELECT resource_type, count(*)::int AS count FROM resource WHERE NOT resource_type = ANY($1) GROUP BY resource_type ORDER BY resource_type",
    [careGapTypes],
  );
  const versions = await db.sql.query<{ versions: number; max_version: number }>(
    "SELECT count(*)::int AS versions, coalesce(max(version_id), 0)::int AS max_version FROM resource_version WHERE NOT resource_type = ANY($1)",
    [careGapTypes],
  );
  return {
    byType: Object.fromEntries(rows.map((row) => [row.resource_type, row.count])),
    versions: versions[0]?.versions ?? 0,
    maxVersion: versions[0]?.max_version ?? 0,
  };
}

function runImport(env: Record<string, string>, files: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", "--batch-size", "100", ...files], {
    cwd: projectRoot,
    env: { ...process.env, ...env, LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Creates where the CLI writes: a fresh PostgreSQL schema on the PostgreSQL pass, a fresh PGlite folder otherwise. */
function createTarget(): { env: Record<string, string>; options: DatabaseOptions } {
  if (postgresUrl) {
    const schema = `test_kill_${randomBytes(5).toString("hex")}`;
    cleanups.push(async () => {
      const db = await openDatabase({ url: postgresUrl });
      await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    });
    return { env: { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema }, options: { url: postgresUrl, schema } };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "lakeview-kill-"));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return { env: { DATABASE_URL: "", LAKEVIEW_DATA_DIR: dataDir }, options: { dataDir } };
}

/**
 * Starts the import, kills it as soon as its progress line reports the first stored resources,
 * and returns how many resources the killed run left. Waiting for that line rather than a timer
 * keeps the kill part way through however loaded the machine is.
 */
async function importAndKill(target: { env: Record<string, string>; options: DatabaseOptions }, files: string[]): Promise<number> {
  const child = runImport(target.env, files);
  const exited = waitForExit(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (/, [1-9]\d* resources stored/.test(output)) resolve();
    });
    void exited.then((code) => reject(new Error(`the import exited with code ${code ?? "none"} before it reported stored resources; its output:\n${output}`)));
  });
  child.kill("SIGKILL");
  await exited;

  const db = await openDatabase(target.options);
  try {
    const counts = await countStore(db);
    return Object.values(counts.byType).reduce((sum, count) => sum + count, 0);
  } finally {
    await db.close();
  }
}

describe.skipIf(!hasSampleData())("import after a kill", () => {
  it("completes on re-run with no duplicates", async () => {
    const files = readdirSync(syntheaDir)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .slice(0, 16)
      .map((file) => path.join(syntheaDir, file));
    const baselineDb = await openTestDatabase();
    await importPaths(baselineDb, files);
    const expected = await countStore(baselineDb);
    await baselineDb.close();
    const total = Object.values(expected.byType).reduce((sum, count) => sum + count, 0);

    const target = createTarget();
    const left = await importAndKill(target, files);
    expect(left, `resources left by the killed import (of ${total})`).toBeGreaterThan(0);
    expect(left).toBeLessThan(total);

    const rerun = runImport(target.env, files);
    const exitCode = await waitForExit(rerun);
    const db = await openDatabase(target.options);
    const resumed = await countStore(db);
    await db.close();

    expect(exitCode).toBe(0);
    expect(resumed.byType).toEqual(expected.byType);
    expect(resumed.versions).toBe(expected.versions);
    expect(resumed.maxVersion).toBe(1);
  }, 600_000);
});
