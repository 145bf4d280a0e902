// `npm run demo`: starts the portal on a fresh demo database and plays the scripted journeys in
// e2e/demo in Chromium, saving a screenshot per step and a Playwright trace per journey.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

const projectRoot = path.resolve(import.meta.dirname, "..");

const usage = `Usage: npm run demo -- [--headed] [--slow-mo MS] [--port N] [--out DIR]
  --headed       show the browser window (needs a display)
  --slow-mo MS   wait MS milliseconds before each browser action (default 0)
  --port N       serve the demo portal on port N (default 3300)
  --out DIR      save screenshots and traces in DIR (default demo-output/<UTC timestamp>)`;

interface DemoSettings {
  headed: boolean;
  slowMo: number;
  port: number;
  outputDir: string;
}

const settings = readSettingsOrExit(process.argv.slice(2));
console.log(`Demo output: ${settings.outputDir}`);
console.log(`The portal starts on http://127.0.0.1:${settings.port} with a fresh demo database (a first run also builds it).`);

const run = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/@playwright/test/cli.js"), "test", "--config", "playwright.demo.config.ts"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: {
    ...process.env,
    E2E_PORT: String(settings.port),
    DEMO_OUTPUT_DIR: settings.outputDir,
    DEMO_SLOW_MO: String(settings.slowMo),
    DEMO_HEADED: settings.headed ? "1" : "0",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

console.log(`\nScreenshots (NN-step.png) and traces (trace.zip), one folder per journey: ${settings.outputDir}`);
console.log(`Replay a journey with: npx playwright show-trace ${path.join(settings.outputDir, "<journey folder>", "trace.zip")}`);
process.exit(run.status ?? 1);

/** Parses the flags, or prints what is wrong with them and the usage, then exits with code 2. */
function readSettingsOrExit(args: string[]): DemoSettings {
  try {
    return toSettings(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

function toSettings(args: string[]): DemoSettings {
  const { values } = parseArgs({
    args,
    options: { headed: { type: "boolean", default: false }, "slow-mo": { type: "string", default: "0" }, port: { type: "string", default: "3300" }, out: { type: "string" } },
  });
  const slowMo = toWholeNumber("--slow-mo", values["slow-mo"], 0, 10_000);
  const port = toWholeNumber("--port", values.port, 1, 65_535);
  if (values.headed && process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error("--headed needs a display, but neither DISPLAY nor WAYLAND_DISPLAY is set; run without --headed, or under xvfb-run.");
  }

  const outputDir = path.resolve(projectRoot, values.out ?? path.join("demo-output", new Date().toISOString().replace(/[:.]/g, "-")));
  return { headed: values.headed, slowMo, port, outputDir };
}

function toWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${flag} ${text} is invalid; give a whole number from ${min} to ${max}.`);
  }
  return value;
}
