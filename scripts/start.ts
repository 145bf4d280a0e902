// `npm start`: checks the settings, migrates the database, loads demo data into an empty one,
// brings the analytics tables up to date, builds the portal when its sources changed since the last
// build, then serves it (PORT, default 3000; HOST, default 127.0.0.1). On PostgreSQL it runs one
// server process per core, up to 4, on that port (LAKEVIEW_PROCESSES).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { refreshAnalyticsViews } from "@/lib/analytics/refresh-analytics-views";

import { openDatabaseOrExit } from "./open-database-or-exit";
import { runCluster } from "./portal-cluster";
import { nextBinPath, portalEnvironment, prepareDatabase, projectRoot, readSettingsOrExit, runNext } from "./portal-process";
import { sourceFingerprint } from "./source-fingerprint";

const settings = readSettingsOrExit();
const env = portalEnvironment(settings);

await prepareDatabase(settings);
await refreshAnalytics();
buildIfChanged();
const nextArgs = ["start", "--port", String(settings.port), "--hostname", settings.host];
if (settings.processes > 1) {
  console.log(`Lakeview is starting on http://${settings.host}:${settings.port} with ${settings.processes} server processes`);
  runCluster({ exec: nextBinPath(), args: nextArgs, cwd: projectRoot, env, processes: settings.processes, log: (line) => console.error(line) });
} else {
  console.log(`Lakeview is starting on http://${settings.host}:${settings.port}`);
  runNext(nextArgs, env);
}

/**
 * Applies the changes since the last refresh to the analytics tables, or builds them on first
 * start, so the charts read current numbers. Later writes through the portal schedule their own
 * refresh.
 */
async function refreshAnalytics(): Promise<void> {
  const db = await openDatabaseOrExit();
  try {
    const started = performance.now();
    const results = await refreshAnalyticsViews(db);
    const resources = results.reduce((sum, result) => sum + result.resources, 0);
    console.log(`Refreshed ${results.length} analytics views (${resources} resources evaluated) in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await db.close();
  }
}

function buildIfChanged(): void {
  const stampPath = path.join(projectRoot, ".next", "lakeview-source-fingerprint");
  const fingerprint = sourceFingerprint(projectRoot);
  if (existsSync(stampPath) && readFileSync(stampPath, "utf8") === fingerprint) {
    return;
  }

  console.log("Building the portal (only after a source change)...");
  const build = spawnSync(process.execPath, [nextBinPath(), "build"], { cwd: projectRoot, env, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed; the messages above say where.");
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampPath, fingerprint);
}
