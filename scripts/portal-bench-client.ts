// Portal steps shared by the page benchmarks: `npm start` on a chosen database, sign-in through
// next-auth's credentials endpoint, and page times over loopback.
import { spawn } from "node:child_process";
import path from "node:path";

import { percentile } from "./time-repeated";

const projectRoot = path.resolve(import.meta.dirname, "..");

/** A page's server time over `requests` requests, and the size of its HTML. */
export interface PageTiming {
  median: number;
  p95: number;
  bytes: number;
}

/**
 * Starts `npm start` with `env` added to this process's environment, waits until `baseUrl`
 * responds, runs `work`, and stops the portal with its whole process group.
 */
export async function withPortal(baseUrl: string, env: Record<string, string>, work: () => Promise<void>): Promise<void> {
  const port = new URL(baseUrl).port;
  const portalEnv: NodeJS.ProcessEnv = { ...process.env, PORT: port, HOST: "127.0.0.1", NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: "1", ...env };
  const portal = spawn("npm", ["start"], { cwd: projectRoot, env: portalEnv, detached: true, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitForPortal(baseUrl);
    await work();
  } finally {
    if (portal.pid) process.kill(-portal.pid, "SIGTERM");
  }
}

async function waitForPortal(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 1_800_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/sign-in`)).ok) return;
    } catch {
      // The server is not listening yet; try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The portal did not respond at ${baseUrl}/sign-in within 30 minutes; check the output of npm start above.`);
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrf);

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const cookie = `${csrfCookie}; ${cookiesOf(response)}`;
  if (!cookie.includes("session-token")) throw new Error(`Sign-in as ${email} failed with status ${response.status}.`);
  return cookie;
}

function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
}

/** Requests `page` three times to warm it, then `requests` times in a row, and returns the times. */
export async function timePage(baseUrl: string, page: string, cookie: string, requests: number): Promise<PageTiming> {
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < requests + 3; index++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${page}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${page} returned status ${response.status}, expected 200`);
    if (index >= 3) times.push(performance.now() - started);
    bytes = body.length;
  }
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), bytes };
}
