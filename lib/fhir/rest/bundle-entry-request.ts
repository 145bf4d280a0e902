import type { FhirResource } from "fhir/r4";

import { FhirError } from "../fhir-error";
import { isJsonObject } from "../is-json-object";
import type { FhirContext, FhirRequest } from "./fhir-request";

/** The methods a batch or transaction entry may use. */
export type EntryMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One entry of a batch or transaction Bundle, parsed into the parts the processing needs. */
export interface BundleEntryRequest {
  /** The entry's position in the request Bundle; the response entry goes to the same position. */
  index: number;
  method: EntryMethod;
  /** Bundle.entry.request.url as sent, for messages. */
  url: string;
  path: string[];
  query: URLSearchParams;
  fullUrl?: string;
  resource?: FhirResource;
  /** Conditional headers of the entry, with the HTTP header names as keys. */
  headers: Record<string, string>;
}

const METHODS: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * The rank of each method in the processing order FHIR R4 gives for transactions (http.html,
 * "Transaction Processing Rules"): deletes, then creates, then updates and patches, then reads.
 */
const PROCESSING_RANK: Record<EntryMethod, number> = { DELETE: 0, POST: 1, PUT: 2, PATCH: 2, GET: 3 };

/**
 * Parses the entries of a batch or transaction Bundle. An entry without request.method or
 * request.url, or with a method or body that does not fit, is an `invalid` error naming it.
 */
export function parseBundleEntries(entries: unknown, context: FhirContext): BundleEntryRequest[] {
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) {
    throw new FhirError("invalid", [{ diagnostics: "Bundle.entry is not an array; send the entries as a JSON array.", expression: "Bundle.entry" }]);
  }
  return entries.map((entry: unknown, index) => parseEntry(entry, index, context));
}

/** Sorts entries into the R4 processing order, keeping the Bundle order within each method. */
export function inProcessingOrder(entries: readonly BundleEntryRequest[]): BundleEntryRequest[] {
  return [...entries].sort((a, b) => PROCESSING_RANK[a.method] - PROCESSING_RANK[b.method] || a.index - b.index);
}

/** Builds the FhirRequest that processes an entry on its own, as if it had come over HTTP. */
export function toFhirRequest(entry: BundleEntryRequest, overrides: { path?: string[]; resource?: FhirResource } = {}): FhirRequest {
  const resource = overrides.resource ?? entry.resource;
  let body: string | undefined;
  if (entry.method === "PATCH") {
    body = patchBodyOf(entry);
  } else if (resource !== undefined) {
    body = JSON.stringify(resource);
  }
  return {
    method: entry.method,
    path: overrides.path ?? entry.path,
    query: overrides.path ? new URLSearchParams() : entry.query,
    headers: { ...entry.headers, "content-type": entry.method === "PATCH" ? "application/json-patch+json" : "application/fhir+json" },
    body,
  };
}

function parseEntry(entry: unknown, index: number, context: FhirContext): BundleEntryRequest {
  const at = `Bundle.entry[${index}]`;
  const invalid = (diagnostics: string, expression: string): FhirError => new FhirError("invalid", [{ diagnostics, expression }]);
  if (!isJsonObject(entry) || !isJsonObject(entry.request)) {
    throw invalid(`Entry ${index} has no request; give every entry request.method and request.url.`, `${at}.request`);
  }
  const { method, url } = entry.request;
  if (typeof method !== "string" || !METHODS.includes(method)) {
    throw invalid(`Entry ${index} has request.method "${String(method)}"; use GET, POST, PUT, PATCH or DELETE.`, `${at}.request.method`);
  }
  if (typeof url !== "string" || url.trim() === "") {
    throw invalid(`Entry ${index} has no request.url; give the type, such as "Patient", or the type and id, such as "Patient/123".`, `${at}.request.url`);
  }
  const resource = entry.resource;
  if ((method === "POST" || method === "PUT" || method === "PATCH") && !isJsonObject(resource)) {
    throw invalid(`Entry ${index} (${method} ${url}) has no resource; ${method} needs one.`, `${at}.resource`);
  }

  const relative = url.startsWith(`${context.baseUrl}/`) ? url.slice(context.baseUrl.length + 1) : url;
  const [pathText = "", queryText = ""] = relative.split(/\?(.*)/s);
  const path = pathText.split("/").filter((segment) => segment !== "").map(decodeURIComponent);
  if (path.length === 0) {
    throw invalid(`Entry ${index} has request.url "${url}", which names no resource type; Bundles cannot be nested, so give a type such as "Patient".`, `${at}.request.url`);
  }
  return {
    index,
    method: method as EntryMethod,
    url,
    path,
    query: new URLSearchParams(queryText),
    fullUrl: typeof entry.fullUrl === "string" ? entry.fullUrl : undefined,
    // The store validates the resource against its R4 definition before it writes it.
    resource: isJsonObject(resource) ? (resource as unknown as FhirResource) : undefined,
    headers: conditionalHeadersOf(entry.request),
  };
}

function conditionalHeadersOf(request: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  if (typeof request.ifMatch === "string") headers["if-match"] = request.ifMatch;
  if (typeof request.ifNoneExist === "string") headers["if-none-exist"] = request.ifNoneExist;
  if (typeof request.ifNoneMatch === "string") headers["if-none-match"] = request.ifNoneMatch;
  return headers;
}

/**
 * Returns the JSON Patch of a PATCH entry. R4 carries it as a Binary resource whose data is
 * the base64 of the patch document, with contentType application/json-patch+json.
 */
function patchBodyOf(entry: BundleEntryRequest): string {
  const binary = entry.resource as unknown as Record<string, unknown> | undefined;
  if (binary?.resourceType !== "Binary" || binary.contentType !== "application/json-patch+json" || typeof binary.data !== "string") {
    throw new FhirError("invalid", [
      {
        diagnostics: `Entry ${entry.index} (PATCH ${entry.url}) does not carry a Binary with contentType application/json-patch+json and base64 data; send the JSON Patch that way.`,
        expression: `Bundle.entry[${entry.index}].resource`,
      },
    ]);
  }
  return Buffer.from(binary.data, "base64").toString("utf8");
}
