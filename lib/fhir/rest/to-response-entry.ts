import type { BundleEntry, FhirResource, OperationOutcome } from "fhir/r4";

import { readResponseBody, type FhirResponse } from "./fhir-request";

const REASON_PHRASES: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  304: "Not Modified",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  422: "Unprocessable Entity",
  500: "Internal Server Error",
};

/**
 * Turns the response to one entry into the entry of a batch-response or transaction-response:
 * response.status, location, etag and lastModified from the headers, the resource on success and
 * the OperationOutcome on failure.
 */
export function toResponseEntry(response: FhirResponse): BundleEntry {
  const { status, headers } = response;
  const body = readResponseBody(response);
  // The header has whole seconds only; the resource's meta keeps the stored instant.
  const header = headers["last-modified"];
  let lastModified: string | undefined;
  if (status < 400) {
    lastModified = metaLastUpdated(body) ?? (header ? new Date(header).toISOString() : undefined);
  }
  const entry: BundleEntry = {
    response: {
      status: `${status} ${REASON_PHRASES[status] ?? ""}`.trim(),
      ...(headers.location ? { location: headers.location } : {}),
      ...(headers.etag ? { etag: headers.etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    },
  };
  if (body === undefined) return entry;
  if (status >= 400) {
    // Every error body handleFhirRequest builds is an OperationOutcome.
    return { ...entry, response: { ...entry.response, status: entry.response?.status ?? String(status), outcome: body as OperationOutcome } };
  }
  const fullUrl = headers.location?.replace(/\/_history\/[^/]+$/, "");
  return { ...(fullUrl ? { fullUrl } : {}), resource: body as FhirResource, ...entry };
}

function metaLastUpdated(body: unknown): string | undefined {
  const meta = typeof body === "object" && body !== null && "meta" in body ? body.meta : undefined;
  const lastUpdated = typeof meta === "object" && meta !== null && "lastUpdated" in meta ? meta.lastUpdated : undefined;
  return typeof lastUpdated === "string" ? lastUpdated : undefined;
}
