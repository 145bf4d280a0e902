import type { BundleLink, FhirResource } from "fhir/r4";

import { keepsToOnePatient } from "../search/keeps-to-one-patient";
import { encodePageToken } from "../search/page-token";
import { parseSearchRequest } from "../search/parse-search-request";
import { searchResources } from "../search/search-resources";
import type { SearchRequest } from "../search/search-request";
import { applySummary, cutsResources } from "./apply-summary";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { searchsetResponse } from "./searchset-response";
import { SEARCH_TIMEOUT_MS, withStatementTimeout } from "./with-statement-timeout";

/**
 * Runs a type-level search (GET [type] or POST [type]/_search with a form body) and returns a
 * searchset Bundle with self, next and previous links.
 */
export async function searchInteraction(resourceType: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const query = new URLSearchParams(request.query);
  if (request.method === "POST" && request.body) {
    for (const [key, value] of new URLSearchParams(request.body)) query.append(key, value);
  }
  const strict = /\bhandling\s*=\s*strict\b/i.test(request.headers.prefer ?? "");
  const search = parseSearchRequest(resourceType, query, { baseUrl: context.baseUrl, strict });

  const now = context.now?.() ?? new Date();
  const result = await withStatementTimeout(context.db, context.searchTimeoutMs ?? SEARCH_TIMEOUT_MS, (sql) => searchResources(sql, search, context.scope, now), {
    genericPlan: keepsToOnePatient(search),
  });

  const entries = [...result.matches.map((stored) => ({ stored, mode: "match" as const })), ...result.included.map((stored) => ({ stored, mode: "include" as const }))];
  const transform = cutsResources(search.summary, search.elements) ? (resource: FhirResource) => applySummary(resource, search.summary, search.elements) : undefined;
  return searchsetResponse({ ...(result.total === undefined ? {} : { total: result.total }), link: pageLinks(search, result.hasNext, context.baseUrl) }, entries, context.baseUrl, transform);
}

/** Builds the self link and, when there are such pages, next and previous links. */
function pageLinks(search: SearchRequest, hasNext: boolean, baseUrl: string): BundleLink[] {
  const linkTo = (offset: number): string => {
    const query = new URLSearchParams(search.appliedParameters.filter(([key]) => key !== "_count"));
    query.set("_count", String(search.count));
    if (offset > 0) query.set("_page", encodePageToken(offset));
    return `${baseUrl}/${search.resourceType}?${query.toString()}`;
  };

  const links: BundleLink[] = [{ relation: "self", url: linkTo(search.offset) }];
  if (hasNext) {
    links.push({ relation: "next", url: linkTo(search.offset + search.count) });
  }
  if (search.offset > 0) {
    links.push({ relation: "previous", url: linkTo(Math.max(0, search.offset - search.count)) });
  }
  return links;
}
