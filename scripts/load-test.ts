// `npm run load-test`: sends requests to a running portal at a fixed rate over loopback and reports
// latency and errors, first for member pages and then for FHIR API searches. It signs in as the
// demo member, so the portal must have the demo data (`npm start`). Run with --help for options.
import { parseArgs } from "node:util";

import autocannon from "autocannon";

const help = `Usage: npm run load-test -- [options]

Sends requests at a fixed rate to a running Lakeview portal for a fixed time, signed in as a demo
member, and prints requests per second, latency percentiles and errors per scenario. Exits with
code 1 when any request failed or got a status other than 200.

Options:
  --url URL          the portal's address (default http://127.0.0.1:3000); only loopback
                     addresses are accepted
  --rate N           requests per second per scenario (default 20)
  --duration S       seconds per scenario (default 20)
  --connections N    concurrent connections (default 8)
  --email ADDRESS    the member to sign in as (default member@lakeview.example)
  --password TEXT    that member's password (default the demo member's)
  -h, --help         show this text
`;

interface Options {
  url: string;
  rate: number;
  duration: number;
  connections: number;
  email: string;
  password: string;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://127.0.0.1:3000" },
      rate: { type: "string", default: "20" },
      duration: { type: "string", default: "20" },
      connections: { type: "string", default: "8" },
      email: { type: "string", default: "member@lakeview.example" },
      password: { type: "string", default: "demo-member-2026" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    process.exit(0);
  }

  const url = new URL(values.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    exitWithUsage(`--url ${values.url} is not a loopback address; load tests run only against a portal on this machine.`);
  }
  return {
    url: url.origin,
    rate: positiveInteger("--rate", values.rate),
    duration: positiveInteger("--duration", values.duration),
    connections: positiveInteger("--connections", values.connections),
    email: values.email,
    password: values.password,
  };
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) exitWithUsage(`${name} "${text}" is not a positive whole number.`);
  return value;
}

function exitWithUsage(message: string): never {
  console.error(`${message}\nRun with --help for the options.`);
  process.exit(2);
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header to send. */
async function signIn(options: Options): Promise<string> {
  const csrfResponse = await fetch(`${options.url}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);

  const response = await fetch(`${options.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: options.email, password: options.password, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie?.includes("session-token"));
  if (!session) {
    console.error(`Sign-in as ${options.email} at ${options.url} failed (status ${response.status}); start the portal with its demo data (npm start).`);
    process.exit(1);
  }
  return session;
}

/** Reads the member's Patient id from the FHIR API, for the searches that name it. */
async function readPatientId(options: Options, cookie: string): Promise<string> {
  const response = await fetch(`${options.url}/fhir/R4/Patient?_count=1&_elements=id`, { headers: { cookie } });
  const bundle = (await response.json()) as { entry?: { resource?: { id?: string } }[] };
  const id = bundle.entry?.[0]?.resource?.id;
  if (!id) {
    console.error(`The FHIR API returned no Patient for ${options.email} (status ${response.status}).`);
    process.exit(1);
  }
  return id;
}

interface ScenarioResult {
  name: string;
  requests: number;
  ratePerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

async function runScenario(options: Options, cookie: string, name: string, paths: string[]): Promise<ScenarioResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.duration,
    headers: { cookie, accept: "text/html,application/fhir+json" },
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  return {
    name,
    requests: result.requests.total,
    ratePerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const options = readOptions();
const cookie = await signIn(options);
const patientId = await readPatientId(options, cookie);

const results = [
  await runScenario(options, cookie, "member pages", ["/member", "/member/claims", "/member/coverage", "/member/health", "/api/member/claims?page=2"]),
  await runScenario(options, cookie, "FHIR API", [
    `/fhir/R4/ExplanationOfBenefit?patient=${patientId}&_count=20`,
    `/fhir/R4/Observation?patient=${patientId}&category=laboratory&_sort=-date&_count=50`,
    `/fhir/R4/Patient/${patientId}`,
    `/fhir/R4/Coverage?beneficiary=${patientId}`,
  ]),
];

console.log(`Target ${options.rate} requests/s per scenario for ${options.duration} s, ${options.connections} connections, at ${options.url}`);
console.table(results);
process.exit(results.some((result) => result.errors > 0 || result.non2xx > 0) ? 1 : 0);
