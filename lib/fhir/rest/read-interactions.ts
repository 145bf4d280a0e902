import type { Bundle, BundleEntry } from "fhir/r4";

import { FhirError } from "../fhir-error";
import { encodePageToken, decodePageToken } from "../search/page-token";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../search/parse-search-request";
import { listInstanceHistory, listTypeHistory, readInScope, readVersionInScope, type HistoryVersion } from "../search/read-in-scope";
import type { SummaryMode } from "../search/search-request";
import { applySummary } from "./apply-summary";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { parseSince } from "./parse-since";
import { versionHeaders } from "./response-headers";

/** GET [type]/[id]: the current version with its ETag and Last-Modified. */
export async function readInteraction(resourceType: string, id: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const stored = await readInScope(context.db.sql, context.scope, resourceType, id);
  const summary = readSummaryMode(request.query.get("_summary"));
  const elements = request.query.get("_elements")?.split(",").map((element) => element.trim());
  return {
    status: 200,
    headers: versionHeaders(stored.versionId, stored.lastUpdated),
    body: applySummary(stored.resource, summary, elements),
  };
}

/** GET [type]/[id]/_history/[vid]: one version, current or past. */
export async function vreadInteraction(resourceType: string, id: string, versionId: string, context: FhirContext): Promise<FhirResponse> {
  const version = await readVersionInScope(context.db.sql, context.scope, resourceType, id, versionId);
  return { status: 200, headers: versionHeaders(version.versionId, version.lastUpdated), body: version.resource };
}

/** GET [type]/[id]/_history: every version of one resource, newest first. */
export async function instanceHistoryInteraction(resourceType: string, id: string, context: FhirContext): Promise<FhirResponse> {
  const versions = await listInstanceHistory(context.db.sql, context.scope, resourceType, id);
  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "history",
    total: versions.length,
    link: [{ relation: "self", url: `${context.baseUrl}/${resourceType}/${id}/_history` }],
    entry: versions.map((version) => toHistoryEntry(version, context.baseUrl)),
  };
  return { status: 200, headers: {}, body: bundle };
}

/** GET [type]/_history: versions of every resource of the type the caller may see, newest first, paged. */
export async function typeHistoryInteraction(resourceType: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const count = parseHistoryCount(request.query.get("_count"));
  const page = request.query.get("_page");
  const offset = page === null ? 0 : decodePageToken(page);
  const since = parseSince(request.query.get("_since"));

  const rows = await listTypeHistory(context.db.sql, context.scope, resourceType, { count, offset, since });

  const linkTo = (pageOffset: number): string => {
    const query = new URLSearchParams({ _count: String(count) });
    if (since) query.set("_since", since.toISOString());
    if (pageOffset > 0) query.set("_page", encodePageToken(pageOffset));
    return `${context.baseUrl}/${resourceType}/_history?${query.toString()}`;
  };
  const link = [{ relation: "self", url: linkTo(offset) }];
  if (rows.length > count) link.push({ relation: "next", url: linkTo(offset + count) });
  if (offset > 0) link.push({ relation: "previous", url: linkTo(Math.max(0, offset - count)) });

  const bundle: Bundle = { resourceType: "Bundle", type: "history", link, entry: rows.slice(0, count).map((version) => toHistoryEntry(version, context.baseUrl)) };
  return { status: 200, headers: {}, body: bundle };
}

function toHistoryEntry(version: HistoryVersion, baseUrl: string): BundleEntry {
  const fullUrl = `${baseUrl}/${version.resourceType}/${version.id}`;
  const lastModified = version.lastUpdated.toISOString();
  if (!version.resource) {
    return { fullUrl, request: { method: "DELETE", url: `${version.resourceType}/${version.id}` }, response: { status: "410 Gone", lastModified } };
  }
  const created = version.versionId === 1;
  return {
    fullUrl,
    resource: version.resource,
    request: { method: created ? "POST" : "PUT", url: created ? version.resourceType : `${version.resourceType}/${version.id}` },
    response: { status: created ? "201 Created" : "200 OK", etag: `W/"${version.versionId}"`, lastModified },
  };
}

function readSummaryMode(value: string | null): SummaryMode {
  if (value === null || value === "false") return "false";
  if (value === "true" || value === "data" || value === "text") return value;
  throw new FhirError("invalid", `_summary "${value}" is not supported on a read; use true, text, data or false.`);
}

function parseHistoryCount(value: string | null): number {
  if (value === null) return DEFAULT_PAGE_SIZE;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > MAX_PAGE_SIZE) {
    throw new FhirError("invalid", `_count "${value}" is not a whole number from 1 to ${MAX_PAGE_SIZE}; history pages need at least one entry.`);
  }
  return count;
}
