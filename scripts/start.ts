// `npm start`: migrates the database, loads demo data into an empty one, builds the portal when
// its sources changed since the last build, then serves it (PORT, default 3000; HOST, default
// 127.0.0.1).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { applyMigrations } from "@/lib/db/apply-migrations";
import { databaseOptionsFromEnv, openDatabase } from "@/lib/db/database";
import { seedDemoData } from "@/lib/demo/seed-demo-data";

import { sourceFingerprint } from "./source-fingerprint";

const root = path.resolve(import.meta.dirname, "..");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = env.PORT ?? "3000";
const host = env.HOST ?? "127.0.0.1";

env.NEXTAUTH_SECRET ??= readOrCreateSecret(path.join(root, ".data", "nextauth-secret"));
env.NEXTAUTH_URL ??= `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;

await prepareDatabase();
buildIfChanged();
serve();

async function prepareDatabase(): Promise<void> {
  const db = await openDatabase(databaseOptionsFromEnv(env));
  try {
    await applyMigrations(db);
    const seeded = await seedDemoData(db, {
      members: Number(env.LAKEVIEW_DEMO_MEMBERS ?? 25),
      // Claims and results lead up to today unless a fixed date is asked for.
      today: env.LAKEVIEW_DEMO_TODAY ? new Date(env.LAKEVIEW_DEMO_TODAY) : new Date(),
    });
    if (seeded) {
      console.log(`Loaded demo data: ${seeded.resources} resources for ${seeded.members} members.`);
      console.log("Demo sign-ins:");
      for (const account of seeded.accounts) {
        console.log(`  ${account.role.padEnd(12)} ${account.email.padEnd(36)} ${account.password}`);
      }
    } else {
      console.log("The database already has accounts; demo data was not loaded.");
    }
  } finally {
    await db.close();
  }
}

function buildIfChanged(): void {
  const stampPath = path.join(root, ".next", "lakeview-source-fingerprint");
  const fingerprint = sourceFingerprint(root);
  if (existsSync(stampPath) && readFileSync(stampPath, "utf8") === fingerprint) {
    return;
  }
  console.log("Building the portal (only after a source change)...");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
  writeFileSync(stampPath, fingerprint);
}

function serve(): void {
  console.log(`Lakeview is starting on http://${host}:${port}`);
  const server = spawn("npx", ["next", "start", "--port", port, "--hostname", host], { cwd: root, env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code) => process.exit(code ?? 0));
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) {
    return readFileSync(file, "utf8").trim();
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
