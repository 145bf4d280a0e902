// `npm start`: checks the settings, migrates the database, loads demo data into an empty one,
// builds the portal when its sources changed since the last build, then serves it (PORT, default
// 3000; HOST, default 127.0.0.1).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { nextBinPath, portalEnvironment, prepareDatabase, projectRoot, readSettingsOrExit, runNext } from "./portal-process";
import { sourceFingerprint } from "./source-fingerprint";

const settings = readSettingsOrExit();
const env = portalEnvironment(settings);

await prepareDatabase(settings);
buildIfChanged();
console.log(`Lakeview is starting on http://${settings.host}:${settings.port}`);
runNext(["start", "--port", String(settings.port), "--hostname", settings.host], env);

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
