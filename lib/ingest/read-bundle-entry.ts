import type { FhirErrorIssue } from "../fhir/fhir-error";
import { isRecord } from "./is-record";
import type { BundleMode } from "./parse-input-file";
import { isResourceCandidate, type ResourceCandidate } from "./resource-candidate";

/** The resource an entry's request.url names: by id, or by a search such as `identifier=sys|value`. */
export type EntryTarget = { resourceType: string; id: string; query?: undefined } | { resourceType: string; query: string; id?: undefined };

/** The action that one bundle entry requests from the import. */
export type EntryAction =
  | { method: "create"; fullUrl?: string; resource: ResourceCandidate; ifNoneExist?: string }
  /** `target` is undefined for entries stored under their own id (collection bundles). */
  | { method: "update"; fullUrl?: string; resource: ResourceCandidate; target?: EntryTarget }
  | { method: "delete"; fullUrl?: string; target: EntryTarget }
  /** A searchset entry with search.mode "outcome": an OperationOutcome about the search, not data. */
  | { method: "ignore" };

// Relative request.url: `Type`, `Type/id` or `Type?query` (FHIR R4 Bundle.entry.request.url).
const requestUrl = /^\/?([A-Za-z]+)(?:\/([^/?]+))?(?:\?(.*))?$/;

/**
 * Reads one Bundle.entry into the action the import applies. Transaction and batch entries need
 * a request with POST, PUT or DELETE; collection entries (and searchset, document) are stored
 * under their own id, whatever request they carry. Returns issues when the entry is malformed.
 */
export function readBundleEntry(entry: unknown, index: number, mode: BundleMode): EntryAction | FhirErrorIssue[] {
  const at = `Bundle.entry[${index}]`;
  if (!isRecord(entry)) {
    return [{ diagnostics: "Entry is not a JSON object.", expression: at }];
  }
  const fullUrl = typeof entry.fullUrl === "string" ? entry.fullUrl : undefined;
  const resource = entry.resource;
  if (resource !== undefined && !isResourceCandidate(resource)) {
    return [{ diagnostics: "Entry resource is not a FHIR resource: expected an object with a resourceType.", expression: `${at}.resource` }];
  }

  if (mode === "collection") {
    return readStoredEntry(entry, fullUrl, resource, at);
  }
  if (!isRecord(entry.request)) {
    return [{ diagnostics: `Entry has no request; ${mode} entries need request.method and request.url.`, expression: `${at}.request` }];
  }
  return readRequestEntry(entry.request, fullUrl, resource, at);
}

function readStoredEntry(entry: Record<string, unknown>, fullUrl: string | undefined, resource: ResourceCandidate | undefined, at: string): EntryAction | FhirErrorIssue[] {
  if (isRecord(entry.search) && entry.search.mode === "outcome") {
    return { method: "ignore" };
  }
  if (!resource) {
    return [{ diagnostics: "Entry has no resource; collection, searchset and document entries need one.", expression: `${at}.resource` }];
  }
  return { method: "update", fullUrl, resource };
}

function readRequestEntry(
  request: Record<string, unknown>,
  fullUrl: string | undefined,
  resource: ResourceCandidate | undefined,
  at: string,
): EntryAction | FhirErrorIssue[] {
  const method = typeof request.method === "string" ? request.method : "(none)";
  const url = typeof request.url === "string" ? request.url : "";
  const parsed = requestUrl.exec(url);
  if (!parsed?.[1]) {
    return [{ diagnostics: `request.url "${url}" is not a relative URL such as Patient, Patient/123 or Patient?identifier=system|value.`, expression: `${at}.request.url` }];
  }
  const [, resourceType, id, query] = parsed;
  const target: EntryTarget | undefined = id ? { resourceType, id } : query !== undefined ? { resourceType, query } : undefined;

  switch (method) {
    case "POST":
      return readCreate(resource, resourceType, fullUrl, request.ifNoneExist, at);
    case "PUT":
      return readUpdate(resource, target, fullUrl, at);
    case "DELETE":
      return target
        ? { method: "delete", fullUrl, target }
        : [{ diagnostics: `DELETE request.url "${url}" names no resource; use Type/id or Type?search.`, expression: `${at}.request.url` }];
    default:
      return [{ diagnostics: `request.method "${method}" is not applied by the import; use POST, PUT or DELETE.`, expression: `${at}.request.method` }];
  }
}

function readCreate(
  resource: ResourceCandidate | undefined,
  urlType: string,
  fullUrl: string | undefined,
  ifNoneExist: unknown,
  at: string,
): EntryAction | FhirErrorIssue[] {
  if (!resource) {
    return [{ diagnostics: "POST entry has no resource to create.", expression: `${at}.resource` }];
  }
  if (resource.resourceType !== urlType) {
    return [{ diagnostics: `POST request.url "${urlType}" does not match the resource type ${resource.resourceType}.`, expression: `${at}.request.url` }];
  }
  if (ifNoneExist !== undefined && typeof ifNoneExist !== "string") {
    return [{ diagnostics: "request.ifNoneExist is not a string.", expression: `${at}.request.ifNoneExist` }];
  }
  return { method: "create", fullUrl, resource, ifNoneExist };
}

function readUpdate(resource: ResourceCandidate | undefined, target: EntryTarget | undefined, fullUrl: string | undefined, at: string): EntryAction | FhirErrorIssue[] {
  if (!resource) {
    return [{ diagnostics: "PUT entry has no resource to store.", expression: `${at}.resource` }];
  }
  if (!target || target.resourceType !== resource.resourceType) {
    return [{ diagnostics: `PUT request.url must be ${resource.resourceType}/id or ${resource.resourceType}?search for this ${resource.resourceType}.`, expression: `${at}.request.url` }];
  }
  if (target.id !== undefined && resource.id !== undefined && resource.id !== target.id) {
    return [{ diagnostics: `PUT request.url names id "${target.id}" but the resource has id "${String(resource.id)}"; they must be equal.`, expression: `${at}.resource.id` }];
  }
  return { method: "update", fullUrl, resource, target };
}
