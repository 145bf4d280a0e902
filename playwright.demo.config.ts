import path from "node:path";

import { defineConfig } from "@playwright/test";

import type { DemoOptions } from "./e2e/demo/step";
import base from "./playwright.config";

// `npm run demo` (scripts/demo.ts) sets these from its flags. The portal, its fresh database and
// the server log check are the end-to-end suite's, on the port in E2E_PORT.
const outputDir = process.env.DEMO_OUTPUT_DIR ?? path.join("demo-output", "latest");
const slowMo = Number(process.env.DEMO_SLOW_MO ?? 0);

export default defineConfig<DemoOptions>({
  ...base,
  testDir: "e2e/demo",
  outputDir,
  reporter: [["list", { printSteps: true }]],
  // Slow motion delays every browser action. 100 actions per journey is a generous estimate.
  timeout: 60_000 + slowMo * 100,
  use: {
    ...base.use,
    headless: process.env.DEMO_HEADED !== "1",
    viewport: { width: 1280, height: 800 },
    trace: "on",
    screenshot: "off",
    stepScreenshots: true,
    launchOptions: { ...base.use?.launchOptions, slowMo },
  },
  // The portal's standard output still goes to the log file the teardown checks, but not to the
  // terminal, so the audience sees the steps. Its standard error still shows.
  webServer: Array.isArray(base.webServer) || !base.webServer ? base.webServer : { ...base.webServer, stdout: "ignore" },
  // With one worker the projects run in this order: the story of a member, their care manager and the plan.
  projects: [
    { name: "member-tour", testMatch: "member-tour.spec.ts" },
    { name: "care-manager-day", testMatch: "care-manager-day.spec.ts" },
    { name: "admin-population", testMatch: "admin-population.spec.ts" },
  ],
});
