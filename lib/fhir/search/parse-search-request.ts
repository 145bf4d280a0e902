import { CONTROL_CHARACTER } from "../check-primitive";
import { FhirError } from "../fhir-error";
import { findSearchParameter } from "./find-search-parameter";
import { decodePageToken } from "./page-token";
import { parseSearchFilter, type FilterContext } from "./parse-search-filter";
import { splitSearchValues } from "./parse-search-values";
import { listReferenceTargetTypes } from "./reference-target-types";
import type { IncludeRequest, SearchRequest, SortKey, SummaryMode, TotalMode } from "./search-request";

/** Page size when the request gives no `_count`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `_count` accepted, so one page stays a bounded amount of work. */
export const MAX_PAGE_SIZE = 1000;
/** Most `name=value` pairs one search takes; each filter adds a condition to the SQL. */
export const MAX_SEARCH_PARAMETERS = 100;
/** Most values one search takes, counting each comma-separated value of every pair. */
export const MAX_SEARCH_VALUES = 100;

const TOTAL_MODES: readonly TotalMode[] = ["none", "estimate", "accurate"];
const SUMMARY_MODES: readonly SummaryMode[] = ["true", "false", "count", "data", "text"];
/** Parameters that change the response's format only; they are accepted and not echoed. */
const FORMAT_PARAMETERS = new Set(["_format", "_pretty"]);

/**
 * Parses a search query on one resource type into a SearchRequest. Malformed values are rejected
 * with an `invalid` FhirError naming the parameter and the fix. A parameter this server does not
 * know is left out of the request, or rejected when `strict` (`Prefer: handling=strict`).
 */
export function parseSearchRequest(resourceType: string, query: URLSearchParams, context: FilterContext): SearchRequest {
  const request: SearchRequest = {
    resourceType,
    filters: [],
    sort: [],
    count: DEFAULT_PAGE_SIZE,
    offset: 0,
    total: "accurate",
    summary: "false",
    includes: [],
    revincludes: [],
    appliedParameters: [],
  };

  assertWithinLimits(query);
  for (const [key, value] of query) {
    assertNoControlCharacters(key, value);
    // R4 says a parameter with an empty value is ignored, so `_id=` and `status:not=` both leave the search as it was.
    if (FORMAT_PARAMETERS.has(key) || value === "") continue;
    if (applyResultParameter(request, key, value)) {
      if (key !== "_page") request.appliedParameters.push([key, value]);
      continue;
    }
    const filter = parseSearchFilter(resourceType, key, value, context);
    if (filter) {
      request.filters.push(filter);
      request.appliedParameters.push([key, value]);
    }
  }
  return request;
}

/** Rejects a search with more pairs or values than the limits, before any of it is parsed. */
function assertWithinLimits(query: URLSearchParams): void {
  let parameters = 0;
  let values = 0;
  for (const [, value] of query) {
    parameters += 1;
    values += splitSearchValues(value).length;
  }
  if (parameters > MAX_SEARCH_PARAMETERS) {
    throw new FhirError(
      "invalid",
      `The search has ${parameters} parameters, and this server takes at most ${MAX_SEARCH_PARAMETERS}; split it into several searches, or join values of one parameter with commas.`,
    );
  }
  if (values > MAX_SEARCH_VALUES) {
    throw new FhirError("invalid", `The search has ${values} values, and this server takes at most ${MAX_SEARCH_VALUES} in all parameters together; split it into several searches.`);
  }
}

/** Rejects a control character (such as %00) in a parameter's name or value, because FHIR strings cannot contain one and PostgreSQL rejects U+0000. */
function assertNoControlCharacters(key: string, value: string): void {
  if (CONTROL_CHARACTER.test(key) || CONTROL_CHARACTER.test(value)) {
    throw new FhirError("invalid", `Search parameter "${key}" contains an invalid control character, such as %00. FHIR search values may contain tab, CR and LF but no other character below U+0020; remove it.`);
  }
}

/** Applies a search result parameter (`_count`, `_sort`...) and returns whether `key` was one. */
function applyResultParameter(request: SearchRequest, key: string, value: string): boolean {
  const colon = key.indexOf(":");
  const name = colon < 0 ? key : key.slice(0, colon);
  const modifier = colon < 0 ? undefined : key.slice(colon + 1);
  switch (name) {
    case "_count":
      request.count = parseCount(value);
      return true;
    case "_page":
      request.offset = decodePageToken(value);
      return true;
    case "_sort":
      request.sort = value.split(",").map((text) => parseSortKey(request.resourceType, text));
      return true;
    case "_total":
      request.total = oneOf("_total", value, TOTAL_MODES);
      return true;
    case "_summary":
      request.summary = oneOf("_summary", value, SUMMARY_MODES);
      return true;
    case "_elements":
      request.elements = value.split(",").map((element) => element.trim()).filter((element) => element.length > 0);
      return true;
    case "_include":
      request.includes.push(parseInclude(key, value, modifier, "_include"));
      return true;
    case "_revinclude":
      request.revincludes.push(parseInclude(key, value, modifier, "_revinclude"));
      return true;
    default:
      return false;
  }
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > MAX_PAGE_SIZE) {
    throw new FhirError("invalid", `Search parameter "_count" has the value "${value}"; use a whole number from 0 to ${MAX_PAGE_SIZE}.`);
  }
  return count;
}

function parseSortKey(resourceType: string, text: string): SortKey {
  const descending = text.startsWith("-");
  const code = descending ? text.slice(1) : text;
  if (code === "_id" || code === "_lastUpdated") {
    return { code, descending };
  }
  const parameter = findSearchParameter(resourceType, code);
  if (!parameter) {
    throw new FhirError("invalid", `Search parameter "_sort" names "${code}", which is not a search parameter of ${resourceType}; use _id, _lastUpdated or one of the parameters in GET /metadata.`);
  }
  return { code, table: parameter.type, descending };
}

/** Parses `Type:param[:targetType]` or `Type:*` of `_include` and `_revinclude`. */
function parseInclude(key: string, value: string, modifier: string | undefined, name: string): IncludeRequest {
  if (modifier !== undefined && modifier !== "iterate" && modifier !== "recurse") {
    throw new FhirError("invalid", `Search parameter "${key}" has the modifier :${modifier}; ${name} takes only :iterate.`);
  }
  const [sourceType, param, targetType, extra] = value.split(":");
  if (targetType === "iterate" || targetType === "recurse") {
    throw new FhirError("invalid", `Search parameter "${key}" has the value "${value}", but :${targetType} modifies the parameter name; write ${name}:iterate=${sourceType ?? ""}:${param ?? ""}.`);
  }
  if (!sourceType || !param || extra !== undefined) {
    throw new FhirError("invalid", `Search parameter "${key}" has the value "${value}"; write Type:parameter or Type:parameter:TargetType, such as ExplanationOfBenefit:provider.`);
  }

  const iterate = modifier !== undefined;
  if (param === "*") {
    return { sourceType, targetType, iterate };
  }
  const parameter = findSearchParameter(sourceType, param);
  if (parameter?.type !== "reference") {
    throw new FhirError("invalid", `Search parameter "${key}" names "${sourceType}:${param}", which is not a reference search parameter of ${sourceType}; check both names.`);
  }
  if (targetType !== undefined && !listReferenceTargetTypes(sourceType, param).includes(targetType)) {
    throw new FhirError("invalid", `Search parameter "${key}" names the type ${targetType}, but ${sourceType}.${param} does not refer to it.`);
  }
  return { sourceType, param, targetType, iterate };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((candidate) => candidate === value);
  if (!match) {
    throw new FhirError("invalid", `Search parameter "${name}" has the value "${value}"; use one of ${allowed.join(", ")}.`);
  }
  return match;
}
