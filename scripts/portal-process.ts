// Steps shared by `npm start` and `npm run dev`: checked settings, the session secret, a migrated
// and seeded database, and Next run as a child that stops with this process.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

import { readPortalSettings, type PortalSettings } from "@/lib/config/read-portal-settings";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { calendarYearPeriod } from "@/lib/measures/pipeline/measurement-period-of";
import { updateCareGaps } from "@/lib/measures/pipeline/update-care-gaps";

import { openDatabaseOrExit } from "./open-database-or-exit";
import { portalSecretFile, readOrCreateSecret } from "./read-portal-secret";

export const projectRoot = path.resolve(import.meta.dirname, "..");

/** Reads the settings or exits with code 2 and the list of bad variables. */
export function readSettingsOrExit(): PortalSettings {
  try {
    return readPortalSettings(process.env);
  } catch (error) {
    console.error(`Lakeview did not start because of its settings:\n${(error as Error).message}`);
    process.exit(2);
  }
}

/** Returns the environment for Next: the caller's, plus the session secret, address and no telemetry. */
export function portalEnvironment(settings: PortalSettings): NodeJS.ProcessEnv {
  const publicHost = settings.host === "0.0.0.0" ? "localhost" : settings.host;
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: settings.authSecret ?? readOrCreateSecret(portalSecretFile),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://${publicHost}:${settings.port}`,
  };
}

/**
 * Migrates the database and brings care gaps up to date. When the database has no accounts, it
 * loads the demo data, computes the demo's gaps and prints the sign-ins.
 */
export async function prepareDatabase(settings: PortalSettings): Promise<void> {
  const db = await openDatabaseOrExit();
  try {
    await applyMigrations(db);
    await updateCareGaps(db, { period: calendarYearPeriod(settings.demoToday), print: (line) => console.log(line) });
    const smartKeyFile = path.join(projectRoot, ".data", "smart-backend-key.json");
    const seeded = await seedDemoData(db, { members: settings.demoMembers, today: settings.demoToday, smartKeyFile });
    if (!seeded) {
      console.log("The database already has accounts; demo data was not loaded.");
      return;
    }
    console.log(`Loaded demo data: ${seeded.resources} resources for ${seeded.members} members.`);
    console.log(`The demo SMART backend client's private key is in ${smartKeyFile}; docs/smart.md shows how to use it.`);
    console.log("Demo sign-ins:");
    for (const account of seeded.accounts) {
      console.log(`  ${account.role.padEnd(12)} ${account.email.padEnd(36)} ${account.password}`);
    }
    await updateCareGaps(db, { period: calendarYearPeriod(settings.demoToday), print: (line) => console.log(line) });
  } finally {
    await db.close();
  }
}

/**
 * Runs the Next CLI in a child Node process, passing on SIGINT, SIGTERM and SIGHUP so that
 * stopping this process stops the server too, and exits with the child's code.
 */
export function runNext(args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, [nextBinPath(), ...args], { cwd: projectRoot, env, stdio: "inherit" });

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/** Returns the path of the Next CLI script, run with this Node rather than through npx. */
export function nextBinPath(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}
