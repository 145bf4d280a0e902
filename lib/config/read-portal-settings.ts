import { availableParallelism } from "node:os";

import { minSecretLength } from "../auth/read-auth-secret";
import { MAX_DEMO_MEMBERS } from "../demo/generate-demo-data";
import { readIgDir } from "./read-ig-dir";
import { readMeasureBundleDir } from "./read-measure-bundle-dir";

/** Settings that `npm start` and `npm run dev` read from the environment, checked before any work. */
export interface PortalSettings {
  port: number;
  host: string;
  demoMembers: number;
  /** The date demo data leads up to; today when LAKEVIEW_DEMO_TODAY is unset. */
  demoToday: Date;
  /** NEXTAUTH_SECRET when set; `npm start` creates one otherwise. */
  authSecret: string | undefined;
  /** Absolute path of LAKEVIEW_MEASURE_BUNDLE_DIR; undefined runs no configured measure bundles. */
  measureBundleDir: string | undefined;
  /** Absolute path of LAKEVIEW_IG_DIR; undefined validates against base R4 only. */
  igDir: string | undefined;
  /** Server processes `npm start` runs on the one port: LAKEVIEW_PROCESSES (see defaultProcesses). */
  processes: number;
}

/**
 * The maximum of LAKEVIEW_PROCESSES. Each process opens up to 16 PostgreSQL connections (its pool
 * and its search pool, 8 each), and PostgreSQL allows 100 by default.
 */
export const maxProcesses = 6;

/**
 * Server processes when LAKEVIEW_PROCESSES is unset: one per core up to 4 on PostgreSQL, which
 * leaves PostgreSQL's default connection limit room for the command-line tools, and one on PGlite,
 * whose data folder is open in one process at a time.
 */
export function defaultProcesses(env: NodeJS.ProcessEnv, cores: number): number {
  return usesPostgres(env) ? Math.min(cores, 4) : 1;
}

/**
 * Reads and checks the portal's settings. Throws one Error that lists every bad variable, its
 * value and the fix, so a typo stops the start before the database is touched.
 */
export function readPortalSettings(env: NodeJS.ProcessEnv, now: Date = new Date(), cores: number = availableParallelism()): PortalSettings {
  const problems: string[] = [];
  const port = readWholeNumber(env, "PORT", 3000, 1, 65_535, problems);
  const demoMembers = readWholeNumber(env, "LAKEVIEW_DEMO_MEMBERS", 25, 1, MAX_DEMO_MEMBERS, problems);
  const demoToday = readDate(env, "LAKEVIEW_DEMO_TODAY", now, problems);

  const measureBundleDir = readMeasureBundleDir(env, problems);
  const igDir = readIgDir(env, problems);
  const host = readHost(env, problems);
  const authSecret = env.NEXTAUTH_SECRET;
  if (authSecret !== undefined) checkSecret(authSecret, problems);
  const processes = readProcesses(env, cores, problems);

  if (problems.length > 0) {
    throw new Error(problems.join("\n"));
  }
  return { port, host, demoMembers, demoToday, authSecret, measureBundleDir, igDir, processes };
}

function usesPostgres(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DATABASE_URL);
}

function readProcesses(env: NodeJS.ProcessEnv, cores: number, problems: string[]): number {
  const problemsBefore = problems.length;
  const processes = readWholeNumber(env, "LAKEVIEW_PROCESSES", defaultProcesses(env, cores), 1, maxProcesses, problems);
  if (problems.length === problemsBefore && processes > 1 && !usesPostgres(env)) {
    problems.push(
      `LAKEVIEW_PROCESSES "${env.LAKEVIEW_PROCESSES}" needs PostgreSQL, because PGlite's data folder is open in one process at a time; set DATABASE_URL, or unset LAKEVIEW_PROCESSES for 1.`,
    );
  }
  return processes;
}

function readHost(env: NodeJS.ProcessEnv, problems: string[]): string {
  const host = env.HOST || "127.0.0.1";
  // A name or IPv4 address of letters, digits, dots and dashes, or an IPv6 address.
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(host) && !/^[0-9A-Fa-f:]{2,39}$/.test(host)) {
    problems.push(`HOST "${host}" is not a host name or IP address; use one such as 127.0.0.1 or 0.0.0.0, or unset it for 127.0.0.1.`);
  }
  return host;
}

/** Distinct characters below which a secret is called guessable, such as 32 spaces or "aaaa…". */
const minDistinctSecretCharacters = 10;

function checkSecret(secret: string, problems: string[]): void {
  if (secret.length < minSecretLength) {
    problems.push(
      `NEXTAUTH_SECRET is ${secret.length} characters long; use a random string of at least ${minSecretLength}, or unset it to let npm start create one.`,
    );
  } else if (new Set(secret.trim()).size < minDistinctSecretCharacters) {
    problems.push(
      "NEXTAUTH_SECRET repeats a few characters, so it can be guessed; use a random string such as the output of `openssl rand -base64 32`, or unset it to let npm start create one.",
    );
  }
}

function readWholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const text = env[name];
  if (text === undefined || text === "") {
    return fallback;
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push(`${name} "${text}" is not a whole number from ${min} to ${max}; set it to one, or unset it for ${fallback}.`);
  }
  return value;
}

const earliestDemoYear = 1970;
const latestDemoYear = 2200;

function readDate(env: NodeJS.ProcessEnv, name: string, fallback: Date, problems: string[]): Date {
  const text = env[name];
  if (text === undefined || text === "") {
    return fallback;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = new Date(`${text}T12:00:00Z`);
  // Date accepts 2026-02-30 and rolls it into March, so the parts must survive the round trip.
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    problems.push(`${name} "${text}" is not a calendar date; use YYYY-MM-DD, such as 2026-12-01, or unset it for today.`);
  } else if (date.getUTCFullYear() < earliestDemoYear || date.getUTCFullYear() > latestDemoYear) {
    // Demo history reaches back 18 months and members were born up to a century earlier.
    problems.push(`${name} "${text}" is outside ${earliestDemoYear} to ${latestDemoYear}; pick a date in that range, or unset it for today.`);
  }
  return date;
}
