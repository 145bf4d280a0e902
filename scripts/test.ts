// `npm test`: lint, typecheck, then the Vitest suite on PGlite and again on PostgreSQL.
// PostgreSQL is TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test); each test
// file works in a schema of its own there. Without a reachable server the PostgreSQL run is
// skipped with a warning, except under CI=true, where it fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

const postgresUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const extraArgs = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };

run("lint", "npx", ["eslint", "."]);
run("typecheck", "npx", ["tsc", "--noEmit"]);
// Without TEST_DATABASE_URL the tests use PGlite, so the pass removes it even when the caller (CI) exported one.
runVitest("PGlite", { TEST_DATABASE_URL: undefined, LAKEVIEW_TEST_PASS: "pglite" });
if (await isReachable(postgresUrl)) {
  runVitest("PostgreSQL", { TEST_DATABASE_URL: postgresUrl, LAKEVIEW_TEST_PASS: "postgres" });
} else if (process.env.CI === "true") {
  fail(`PostgreSQL at ${postgresUrl} is not reachable; start it or set TEST_DATABASE_URL.`);
} else {
  console.warn(`\nWARNING: PostgreSQL at ${postgresUrl} is not reachable, so the suite ran on PGlite only.`);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    fail(`${label} failed (exit code ${result.status ?? "none"}).`);
  }
}

/** Runs Vitest once with `env` over the environment; a variable set to undefined is removed. */
function runVitest(backend: string, env: Record<string, string | undefined>): void {
  const reportDir = mkdtempSync(path.join(tmpdir(), "lakeview-vitest-"));
  const report = path.join(reportDir, "report.json");
  console.log(`\n== tests on ${backend}`);
  const result = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extraArgs], {
    stdio: "inherit",
    env: withOverrides(process.env, env),
  });

  const counts = readCounts(report);
  rmSync(reportDir, { recursive: true, force: true });
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (result.status !== 0 && counts.failed === 0) {
    fail(`Vitest on ${backend} exited with code ${result.status ?? "none"} before reporting a failed test.`);
  }
}

function withOverrides(base: NodeJS.ProcessEnv, overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged = { ...base, ...overrides };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[name];
  }
  return merged;
}

function readCounts(report: string): { passed: number; failed: number; skipped: number } {
  try {
    const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function fail(message: string): never {
  console.error(`\n${message}`);
  console.log(`\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
  process.exit(1);
}
