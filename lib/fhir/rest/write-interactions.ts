import type { FhirResource } from "fhir/r4";
import jsonPatch, { type Operation } from "fast-json-patch";

import { assertValidResource } from "../assert-valid-resource";
import { FhirError, isFhirError } from "../fhir-error";
import { isJsonObject } from "../is-json-object";
import { readInScope } from "../search/read-in-scope";
import { FhirStore } from "../store/fhir-store";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { findConditionalMatch } from "./find-conditional-match";
import { PreconditionFailedError } from "./precondition-failed-error";
import { parseETag, versionHeaders } from "./response-headers";

/**
 * POST [type]: stores the body under a new id and returns 201 with Location. With an
 * If-None-Exist header (conditional create), a resource matching those criteria is returned
 * with 200 instead, and nothing is stored.
 */
export async function createInteraction(resourceType: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const resource = parseResourceBody(request.body, resourceType);
  const criteria = request.headers["if-none-exist"];
  const existing = criteria === undefined ? undefined : await findConditionalMatch(resourceType, criteria.replace(new RegExp(`^${resourceType}\\?`), ""), context);
  if (existing) {
    return writtenResponse(200, existing.resource, context);
  }

  const created = await new FhirStore(context.db).create(resource);

  return writtenResponse(201, created, context);
}

/** PUT [type]/[id]: stores a new version, or creates the resource under that id. If-Match guards against lost updates. */
export async function updateInteraction(resourceType: string, id: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const resource = parseResourceBody(request.body, resourceType);
  if (resource.id !== id) {
    throw new FhirError("invalid", `The body's id "${resource.id ?? ""}" differs from the id "${id}" in the URL; send the same id in both.`);
  }
  const ifMatch = parseETag(request.headers["if-match"]);

  const { resource: stored, outcome } = await withPreconditionStatus(ifMatch, () => new FhirStore(context.db).update(resource, { ifMatch }));

  return writtenResponse(outcome === "created" ? 201 : 200, stored, context);
}

/**
 * PUT [type]?criteria (conditional update): updates the one resource matching the criteria, or
 * creates the body when none matches. The body may leave out the id or must carry the match's id.
 */
export async function conditionalUpdateInteraction(resourceType: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const resource = parseResourceBody(request.body, resourceType);
  const match = await findConditionalMatch(resourceType, request.query.toString(), context);
  if (match && resource.id !== undefined && resource.id !== match.resource.id) {
    throw new FhirError("invalid", `The body's id "${resource.id}" differs from the id "${match.resource.id ?? ""}" of the resource the criteria match; leave the id out or send that one.`);
  }

  const store = new FhirStore(context.db);
  if (!match && resource.id === undefined) {
    return writtenResponse(201, await store.create(resource), context);
  }
  const { resource: stored, outcome } = await store.update({ ...resource, id: match?.resource.id ?? resource.id });
  return writtenResponse(outcome === "created" ? 201 : 200, stored, context);
}

/** PATCH [type]/[id] with a JSON Patch (RFC 6902) body, applied to the current version. */
export async function patchInteraction(resourceType: string, id: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const operations = parsePatchBody(request.body);
  const current = await readInScope(context.db.sql, context.scope, resourceType, id);
  const ifMatch = parseETag(request.headers["if-match"]) ?? String(current.versionId);

  const patched = applyPatch(current.resource, operations);
  if (patched.resourceType !== resourceType || patched.id !== id) {
    throw new FhirError("invalid", "The patch changes resourceType or id; those are fixed by the URL, so remove the operations on them.");
  }
  const { resource: stored } = await withPreconditionStatus(ifMatch, () => new FhirStore(context.db).update(patched, { ifMatch }));

  return writtenResponse(200, stored, context);
}

/** DELETE [type]/[id]: records a deletion; deleting an absent resource also returns 204. */
export async function deleteInteraction(resourceType: string, id: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const ifMatch = parseETag(request.headers["if-match"]);
  await withPreconditionStatus(ifMatch, () => new FhirStore(context.db).remove(resourceType as FhirResource["resourceType"], id, { ifMatch }));
  return { status: 204, headers: {} };
}

/**
 * DELETE [type]?criteria (conditional delete): deletes the one resource matching the criteria and
 * returns 204, also when none matches. Criteria that match more than one get 412.
 */
export async function conditionalDeleteInteraction(resourceType: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const match = await findConditionalMatch(resourceType, request.query.toString(), context);
  if (match) {
    await new FhirStore(context.db).remove(resourceType as FhirResource["resourceType"], match.resource.id ?? "");
  }
  return { status: 204, headers: {} };
}

function writtenResponse(status: number, resource: FhirResource, context: FhirContext): FhirResponse {
  const versionId = Number(resource.meta?.versionId ?? "1");
  const lastUpdated = new Date(resource.meta?.lastUpdated ?? Date.now());
  const location = `${context.baseUrl}/${resource.resourceType}/${resource.id ?? ""}/_history/${versionId}`;
  return { status, headers: { ...versionHeaders(versionId, lastUpdated), location }, body: resource };
}

/**
 * Runs a write guarded by If-Match and turns its version conflict into 412 Precondition Failed,
 * the status R4 gives a stale If-Match.
 */
async function withPreconditionStatus<T>(ifMatch: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (ifMatch !== undefined && isFhirError(error, "conflict")) {
      throw new PreconditionFailedError(error);
    }
    throw error;
  }
}

function parseJson(body: string | undefined): unknown {
  if (body === undefined || body.trim() === "") {
    throw new FhirError("invalid", "The request has no body; send the resource as JSON.");
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new FhirError("invalid", "The request body is not valid JSON; check it with a JSON parser and resend it.");
  }
}

function parseResourceBody(body: string | undefined, resourceType: string): FhirResource {
  const value = parseJson(body);
  if (!isJsonObject(value) || value.resourceType !== resourceType) {
    throw new FhirError("invalid", `The body is not a ${resourceType}; its resourceType must match the type in the URL.`);
  }
  assertValidResource(value);
  // assertValidResource has checked the structure against the R4 definition of resourceType.
  return value as unknown as FhirResource;
}

function parsePatchBody(body: string | undefined): Operation[] {
  const value = parseJson(body);
  if (!Array.isArray(value)) {
    throw new FhirError("invalid", "The JSON Patch body is not an array of operations; send [{\"op\": ..., \"path\": ...}].");
  }
  const problem = jsonPatch.validate(value as Operation[]);
  if (problem) {
    throw new FhirError("invalid", `JSON Patch operation ${problem.index} is invalid (${problem.name}); fix that operation and resend.`);
  }
  return value as Operation[];
}

function applyPatch(resource: FhirResource, operations: Operation[]): FhirResource {
  try {
    return jsonPatch.applyPatch(structuredClone(resource), operations, true, false).newDocument;
  } catch (error) {
    const name = error instanceof Error ? error.name : "error";
    throw new FhirError("invalid", `The JSON Patch could not be applied (${name}); a test failed or a path does not exist in the current version.`);
  }
}
