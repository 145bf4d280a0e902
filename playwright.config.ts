import os from "node:os";
import path from "node:path";

import { defineConfig } from "@playwright/test";

import { serverLogPath } from "./e2e/server-log-path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Each run starts from an empty database folder, which `npm start` migrates and seeds afresh. A
// folder given in E2E_DATA_DIR is used as it is and never deleted.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `lakeview-e2e-${port}`);
const clearDataDir = process.env.E2E_DATA_DIR ? "" : `rm -rf '${dataDir}' && `;
// The portal's output also goes to this file, which the teardown checks for demo members' PHI.
const logFile = serverLogPath(port);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  globalTeardown: "./e2e/check-server-log.ts",
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium package, because Playwright's own browser download needs the internet.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
    },
  },
  webServer: {
    // The database is prepared first (demo data, imported samples, accounts); npm start then serves it.
    command: `${clearDataDir}npx tsx e2e/prepare-database.ts && npm start 2>&1 | tee '${logFile}'`,
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      LAKEVIEW_DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
