import type { Database } from "../../db/database";
import type { AccessScope } from "../search/access-scope";
import { readResponseBody, type FhirContext, type FhirResponse } from "./fhir-request";
import { handleFhirRequest } from "./handle-fhir-request";

/** The base URL the tests' FHIR server pretends to live at. */
export const TEST_BASE_URL = "https://lakeview.test/fhir/R4";

/** Options of one test request. */
export interface TestRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  scope?: AccessScope;
  /** Context fields that replace the test defaults, such as `now` or `bulkExport`. */
  context?: Partial<Omit<FhirContext, "db" | "scope">>;
}

/**
 * Sends a request such as "Patient?name=gomez" to handleFhirRequest against `db`, as a route
 * handler would after authentication, and returns the response with a body serialized ahead
 * parsed back. Tests use it to read like HTTP calls.
 */
export async function sendFhirRequest(db: Database, url: string, options: TestRequestOptions = {}): Promise<FhirResponse> {
  const parsed = new URL(url, `${TEST_BASE_URL}/`);
  const relative = parsed.pathname.replace(/^\/fhir\/R4\/?/, "");
  const response = await handleFhirRequest(
    {
      method: options.method ?? "GET",
      path: relative === "" ? [] : relative.split("/").map(decodeURIComponent),
      query: parsed.searchParams,
      headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
      body: options.body,
    },
    { db, scope: options.scope ?? { kind: "all" }, baseUrl: TEST_BASE_URL, now: () => new Date("2026-06-01T00:00:00Z"), ...options.context },
  );
  // Tests read the body as a value, as a client would after parsing it.
  const { json, ...rest } = response;
  return json === undefined ? response : { ...rest, body: readResponseBody(response) };
}
