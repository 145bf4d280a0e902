import { FhirError } from "../fhir-error";
import { allowsResourceType } from "../search/access-scope";
import { listPatientEverything } from "../search/list-patient-everything";
import { decodePageToken, encodePageToken } from "../search/page-token";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../search/parse-search-request";
import { readInScope } from "../search/read-in-scope";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { parseSince } from "./parse-since";
import { parseTypeList } from "./parse-type-list";
import { searchsetResponse } from "./searchset-response";

/**
 * GET Patient/[id]/$everything: the Patient, every current resource in its compartment, and the
 * directory resources those refer to, within the caller's scope, as a paged searchset Bundle.
 * `_type` limits the types, `_since` the last update, and `_count` sets the page size. A Patient
 * outside the scope gets the same 404 as an absent one.
 */
export async function everythingOperation(patientId: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  await readInScope(context.db.sql, context.scope, "Patient", patientId);
  const count = parseCount(request.query.get("_count"));
  const page = request.query.get("_page");
  const offset = page === null ? 0 : decodePageToken(page);
  const since = parseSince(request.query.get("_since"));
  const types = parseTypeList(request.query.get("_type"))?.filter((type) => allowsResourceType(context.scope, type));

  const result = await listPatientEverything(context.db.sql, context.scope, patientId, { types, since, count, offset });

  const linkTo = (pageOffset: number): string => {
    const query = new URLSearchParams({ _count: String(count) });
    if (types) query.set("_type", types.join(","));
    if (since) query.set("_since", since.toISOString());
    if (pageOffset > 0) query.set("_page", encodePageToken(pageOffset));
    return `${context.baseUrl}/Patient/${patientId}/$everything?${query.toString()}`;
  };
  const link = [{ relation: "self", url: linkTo(offset) }];
  if (offset + count < result.total) link.push({ relation: "next", url: linkTo(offset + count) });
  if (offset > 0) link.push({ relation: "previous", url: linkTo(Math.max(0, offset - count)) });

  const entries = result.entries.map(({ resource, mode }) => ({ stored: resource, mode }));
  return searchsetResponse({ total: result.total, link }, entries, context.baseUrl);
}

function parseCount(value: string | null): number {
  if (value === null) return DEFAULT_PAGE_SIZE;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > MAX_PAGE_SIZE) {
    throw new FhirError("invalid", `_count "${value}" is not a whole number from 1 to ${MAX_PAGE_SIZE}; give the number of resources per page.`);
  }
  return count;
}
