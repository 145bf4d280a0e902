import { minSecretLength } from "../auth/read-auth-secret";
import { MAX_DEMO_MEMBERS } from "../demo/generate-demo-data";

/** What `npm start` and `npm run dev` read from the environment, checked before any work. */
export interface PortalSettings {
  port: number;
  host: string;
  demoMembers: number;
  /** The date demo data leads up to; today when LAKEVIEW_DEMO_TODAY is unset. */
  demoToday: Date;
  /** NEXTAUTH_SECRET when set; `npm start` creates one otherwise. */
  authSecret: string | undefined;
}

/**
 * Reads and checks the portal's settings. Throws one Error that lists every bad variable, its
 * value and the fix, so a typo stops the start before the database is touched.
 */
export function readPortalSettings(env: NodeJS.ProcessEnv, now: Date = new Date()): PortalSettings {
  const problems: string[] = [];
  const port = readWholeNumber(env, "PORT", 3000, 1, 65_535, problems);
  const demoMembers = readWholeNumber(env, "LAKEVIEW_DEMO_MEMBERS", 25, 1, MAX_DEMO_MEMBERS, problems);
  const demoToday = readDate(env, "LAKEVIEW_DEMO_TODAY", now, problems);

  const authSecret = env.NEXTAUTH_SECRET;
  if (authSecret !== undefined && authSecret.length < minSecretLength) {
    problems.push(
      `NEXTAUTH_SECRET is ${authSecret.length} characters long; use a random string of at least ${minSecretLength}, or unset it to let npm start create one.`,
    );
  }

  if (problems.length > 0) {
    throw new Error(problems.join("\n"));
  }
  return { port, host: env.HOST || "127.0.0.1", demoMembers, demoToday, authSecret };
}

function readWholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const text = env[name];
  if (text === undefined || text === "") {
    return fallback;
  }
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    problems.push(`${name} "${text}" is not a whole number from ${min} to ${max}; set it to one, or unset it for ${fallback}.`);
  }
  return value;
}

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
  }
  return date;
}
