import { randomUUID } from "node:crypto";

import type { Bundle, BundleEntry } from "fhir/r4";

import { FhirError } from "../fhir-error";
import { canWrite } from "../search/access-scope";
import type { StoredResource } from "../search/stored-resource";
import { inProcessingOrder, toFhirRequest, type BundleEntryRequest } from "./bundle-entry-request";
import type { FhirDispatch } from "./fhir-dispatch";
import type { FhirContext, FhirResponse } from "./fhir-request";
import { findConditionalMatch } from "./find-conditional-match";
import { PreconditionFailedError } from "./precondition-failed-error";
import { versionHeaders } from "./response-headers";
import { rewriteEntryReferences } from "./rewrite-entry-references";
import { toResponseEntry } from "./to-response-entry";
import { withinTransaction } from "./within-transaction";

/** The resource a create, update or patch entry writes, known before any of them runs. */
interface EntryTarget {
  resourceType: string;
  id: string;
  /** The match of a conditional create, which is returned instead of being written. */
  existing?: StoredResource;
}

/**
 * Processes a transaction Bundle in one database transaction: all entries succeed, or nothing is
 * written and the response is the failing entry's OperationOutcome with its status. Entries run
 * in the R4 order (deletes, creates, updates and patches, reads). Before any write, every create
 * gets its id and every conditional entry its match, so `urn:uuid:` references between entries
 * are rewritten to those ids in whatever order the entries come.
 */
export async function transactionInteraction(entries: BundleEntryRequest[], context: FhirContext, dispatch: FhirDispatch): Promise<FhirResponse> {
  if (!canWrite(context.scope) && entries.some((entry) => entry.method !== "GET")) {
    throw new FhirError("forbidden", "This transaction writes, and this session may only read; send reads alone, or as a batch.");
  }

  const responses = await context.db.transaction((sql) => processEntries(entries, { ...context, db: withinTransaction(context.db, sql) }, dispatch));

  const bundle: Bundle = { resourceType: "Bundle", type: "transaction-response", entry: responses };
  return { status: 200, headers: {}, body: bundle };
}

async function processEntries(entries: BundleEntryRequest[], context: FhirContext, dispatch: FhirDispatch): Promise<BundleEntry[]> {
  const ordered = inProcessingOrder(entries);
  const responses = new Array<BundleEntry>(entries.length);

  for (const entry of ordered.filter((candidate) => candidate.method === "DELETE")) {
    responses[entry.index] = toResponseEntry(await runEntry(entry, () => dispatch(toFhirRequest(entry), context)));
  }

  const targets = new Map<number, EntryTarget>();
  for (const entry of ordered.filter((candidate) => candidate.method !== "DELETE" && candidate.method !== "GET")) {
    targets.set(entry.index, await runEntry(entry, () => resolveTarget(entry, context)));
  }
  assertDistinctTargets(ordered, targets);
  const fullUrls = new Map<string, string>();
  for (const entry of ordered) {
    const target = targets.get(entry.index);
    if (target && entry.fullUrl) fullUrls.set(entry.fullUrl, `${target.resourceType}/${target.id}`);
  }

  for (const entry of ordered.filter((candidate) => candidate.method !== "DELETE")) {
    const target = targets.get(entry.index);
    const response = await runEntry(entry, () => (target ? writeEntry(entry, target, fullUrls, context, dispatch) : dispatch(toFhirRequest(entry), context)));
    responses[entry.index] = toResponseEntry(response);
  }
  return responses;
}

async function resolveTarget(entry: BundleEntryRequest, context: FhirContext): Promise<EntryTarget> {
  const [resourceType = "", id] = entry.path;
  if (entry.path.length === 2 && id !== undefined) {
    if (entry.method === "POST") throw invalidUrl(entry);
    return { resourceType, id };
  }
  if (entry.path.length !== 1) throw invalidUrl(entry);

  if (entry.method === "POST") {
    const criteria = entry.headers["if-none-exist"]?.replace(new RegExp(`^${resourceType}\\?`), "");
    const existing = criteria === undefined ? undefined : await findConditionalMatch(resourceType, criteria, context);
    return { resourceType, id: existing?.resource.id ?? randomUUID(), existing };
  }

  const match = await findConditionalMatch(resourceType, entry.query.toString(), context);
  if (entry.method === "PATCH" && !match) {
    throw new FhirError("not-found", `No ${resourceType} matches "${entry.query.toString()}", so there is nothing to patch; check the criteria.`);
  }
  const bodyId = entry.resource?.id;
  if (match && bodyId !== undefined && bodyId !== match.resource.id) {
    throw new FhirError("invalid", `The resource's id "${bodyId}" differs from the id "${match.resource.id ?? ""}" of the ${resourceType} the criteria match; leave the id out or send that one.`);
  }
  return { resourceType, id: match?.resource.id ?? bodyId ?? randomUUID() };
}

async function writeEntry(entry: BundleEntryRequest, target: EntryTarget, fullUrls: ReadonlyMap<string, string>, context: FhirContext, dispatch: FhirDispatch): Promise<FhirResponse> {
  const path = [target.resourceType, target.id];
  if (target.existing) {
    const location = `${context.baseUrl}/${path.join("/")}/_history/${target.existing.versionId}`;
    return { status: 200, headers: { ...versionHeaders(target.existing.versionId, target.existing.lastUpdated), location }, body: target.existing.resource };
  }
  if (entry.method === "PATCH") {
    return dispatch(toFhirRequest(entry, { path }), context);
  }

  const resource = await rewriteEntryReferences(entry, fullUrls, context);
  if (resource.resourceType !== target.resourceType) {
    throw new FhirError("invalid", `The resource is a ${resource.resourceType}, but the url "${entry.url}" names ${target.resourceType}; make them agree.`);
  }
  return dispatch({ ...toFhirRequest(entry, { path, resource: { ...resource, id: target.id } }), method: "PUT" }, context);
}

/** Runs one entry and names the entry in its error, which then fails the whole transaction. */
async function runEntry<T>(entry: BundleEntryRequest, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    throw inEntry(error, entry);
  }
  if (isFailedResponse(result)) {
    throw inEntry(new FhirError("invalid", `${entry.method} ${entry.url} is not an interaction this server supports; GET /metadata lists them.`), entry);
  }
  return result;
}

function isFailedResponse(value: unknown): boolean {
  return typeof value === "object" && value !== null && "status" in value && typeof value.status === "number" && value.status >= 400;
}

function inEntry(error: unknown, entry: BundleEntryRequest): unknown {
  const name = (inner: FhirError): FhirError =>
    new FhirError(
      inner.code,
      inner.issues.map((issue) => ({
        diagnostics: `Entry ${entry.index} (${entry.method} ${entry.url}) failed, so the transaction wrote nothing: ${issue.diagnostics}`,
        expression: issue.expression ?? `Bundle.entry[${entry.index}]`,
      })),
    );
  if (error instanceof PreconditionFailedError) return new PreconditionFailedError(name(error.conflict));
  if (error instanceof FhirError) return name(error);
  return error;
}

function assertDistinctTargets(entries: readonly BundleEntryRequest[], targets: ReadonlyMap<number, EntryTarget>): void {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const target = targets.get(entry.index);
    let key: string | undefined;
    if (target) {
      key = `${target.resourceType}/${target.id}`;
    } else if (entry.method === "DELETE" && entry.path.length === 2) {
      key = entry.path.join("/");
    }
    if (key === undefined) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new FhirError("invalid", [
        { diagnostics: `Entries ${earlier} and ${entry.index} both change ${key}; a transaction may change each resource once, so merge them.`, expression: `Bundle.entry[${entry.index}]` },
      ]);
    }
    seen.set(key, entry.index);
  }
}

function invalidUrl(entry: BundleEntryRequest): FhirError {
  return new FhirError("invalid", `request.url "${entry.url}" does not fit ${entry.method}; use "[type]" for POST and "[type]/[id]" or "[type]?criteria" for PUT and PATCH.`);
}
