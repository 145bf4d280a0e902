import type { Bundle, BundleEntry, BundleLink } from "fhir/r4";

import { encodePageToken } from "../search/page-token";
import { parseSearchRequest } from "../search/parse-search-request";
import { searchResources } from "../search/search-resources";
import type { SearchRequest } from "../search/search-request";
import type { StoredResource } from "../search/stored-resource";
import { applySummary } from "./apply-summary";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
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
  const result = await withStatementTimeout(context.db, context.searchTimeoutMs ?? SEARCH_TIMEOUT_MS, (sql) => searchResources(sql, search, context.scope, now));

  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "searchset",
    ...(result.total === undefined ? {} : { total: result.total }),
    link: pageLinks(search, result.hasNext, context.baseUrl),
    entry: [...result.matches.map((match) => toEntry(match, "match", search, context)), ...result.included.map((match) => toEntry(match, "include", search, context))],
  };
  return { status: 200, headers: {}, body: bundle };
}

function toEntry(stored: StoredResource, mode: "match" | "include", search: SearchRequest, context: FhirContext): BundleEntry {
  const { resource } = stored;
  return {
    fullUrl: `${context.baseUrl}/${resource.resourceType}/${resource.id ?? ""}`,
    resource: applySummary(resource, search.summary, search.elements),
    search: { mode },
  };
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
