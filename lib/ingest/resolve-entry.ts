import type { FhirErrorIssue } from "../fhir/fhir-error";
import { chooseCreateId, chooseStoredId } from "./choose-resource-id";
import type { ConditionalMatcher } from "./conditional-matcher";
import { describeIdentifierQuery, parseIdentifierQuery } from "./parse-identifier-query";
import type { PendingResources } from "./pending-resources";
import type { EntryAction, EntryTarget } from "./read-bundle-entry";
import type { ResourceCandidate } from "./resource-candidate";

/** An entry once its target id is known. */
export type ResolvedEntry =
  | { kind: "put"; candidate: ResourceCandidate; createOnly: boolean }
  | { kind: "delete"; resourceType: string; id: string }
  /** A conditional create whose ifNoneExist matched a resource: nothing to write. */
  | { kind: "matched"; resourceType: string }
  | { kind: "none" };

/** The context of entry resolution: lookups it reads and the maps it fills in for the rest of the bundle. */
export interface EntryScope {
  matcher: ConditionalMatcher;
  /** The bundle's resources resolved so far, for conditional matches inside the bundle. */
  local: PendingResources;
  /** fullUrl → `Type/id`, filled in as entries resolve. */
  fullUrls: Map<string, string>;
  /** FHIRPath of the entry, for issues. */
  at: string;
}

/**
 * Decides which id an entry writes: a create takes its urn:uuid (or resource id), a conditional
 * create or update searches by identifier, a PUT takes the id in its URL. Sets the candidate's
 * id, maps its fullUrl to `Type/id`, and returns issues for an ambiguous search.
 */
export async function resolveEntry(action: EntryAction, scope: EntryScope): Promise<ResolvedEntry | FhirErrorIssue[]> {
  switch (action.method) {
    case "ignore":
      return { kind: "none" };
    case "create":
      return resolveCreate(action.resource, action.fullUrl, action.ifNoneExist, scope);
    case "update":
      return resolveUpdate(action.resource, action.fullUrl, action.target, scope);
    case "delete":
      return resolveDelete(action.target, scope);
  }
}

async function resolveCreate(resource: ResourceCandidate, fullUrl: string | undefined, ifNoneExist: string | undefined, scope: EntryScope): Promise<ResolvedEntry | FhirErrorIssue[]> {
  if (ifNoneExist !== undefined) {
    const search = await searchTarget("ifNoneExist", { resourceType: resource.resourceType, query: ifNoneExist }, scope, `${scope.at}.request.ifNoneExist`);
    if (!Array.isArray(search)) return [search];
    if (search[0] !== undefined) {
      mapFullUrl(scope, fullUrl, resource.resourceType, search[0]);
      return { kind: "matched", resourceType: resource.resourceType };
    }
  }
  return put(resource, chooseCreateId(fullUrl, resource), fullUrl, true, scope);
}

async function resolveUpdate(resource: ResourceCandidate, fullUrl: string | undefined, target: EntryTarget | undefined, scope: EntryScope): Promise<ResolvedEntry | FhirErrorIssue[]> {
  if (!target) return put(resource, chooseStoredId(fullUrl, resource), fullUrl, false, scope);
  if (target.id !== undefined) return put(resource, target.id, fullUrl, false, scope);

  const search = await searchTarget("conditional update", target, scope, `${scope.at}.request.url`);
  if (!Array.isArray(search)) return [search];
  return put(resource, search[0] ?? chooseCreateId(fullUrl, resource), fullUrl, false, scope);
}

async function resolveDelete(target: EntryTarget, scope: EntryScope): Promise<ResolvedEntry | FhirErrorIssue[]> {
  if (target.id !== undefined) return { kind: "delete", resourceType: target.resourceType, id: target.id };

  const search = await searchTarget("conditional delete", target, scope, `${scope.at}.request.url`);
  if (!Array.isArray(search)) return [search];
  return search[0] === undefined ? { kind: "none" } : { kind: "delete", resourceType: target.resourceType, id: search[0] };
}

/** Returns the id of the one match, no id for none, or an issue for an unsupported or ambiguous search. */
async function searchTarget(operation: string, target: { resourceType: string; query: string }, scope: EntryScope, expression: string): Promise<[] | [string] | FhirErrorIssue> {
  const query = parseIdentifierQuery(target.resourceType, target.query);
  if (typeof query === "string") {
    return { diagnostics: `The ${operation} ${query}.`, expression };
  }

  const ids = await scope.matcher.match(query, scope.local);
  if (ids.length > 1) {
    return {
      diagnostics: `The ${operation} search ${describeIdentifierQuery(query)} matches ${ids.length} ${query.resourceType} resources (${ids.join(", ")}); it must match at most one.`,
      expression,
    };
  }
  return ids[0] === undefined ? [] : [ids[0]];
}

function put(candidate: ResourceCandidate, id: string, fullUrl: string | undefined, createOnly: boolean, scope: EntryScope): ResolvedEntry {
  candidate.id = id;
  scope.local.add(candidate);
  mapFullUrl(scope, fullUrl, candidate.resourceType, id);
  return { kind: "put", candidate, createOnly };
}

function mapFullUrl(scope: EntryScope, fullUrl: string | undefined, resourceType: string, id: string): void {
  if (fullUrl) scope.fullUrls.set(fullUrl, `${resourceType}/${id}`);
}
