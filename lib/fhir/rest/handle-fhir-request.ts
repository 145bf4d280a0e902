import { randomUUID } from "node:crypto";

import type { OperationOutcome, OperationOutcomeIssue } from "fhir/r4";

import { logger } from "../../log/logger";
import { toErrorFields } from "../../log/to-error-fields";
import { FhirError } from "../fhir-error";
import { canWrite } from "../search/access-scope";
import { buildCapabilityStatement } from "./capability-statement";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { negotiateFormat } from "./negotiate-format";
import { instanceHistoryInteraction, readInteraction, typeHistoryInteraction, vreadInteraction } from "./read-interactions";
import { searchInteraction } from "./search-interaction";
import { isSupportedResourceType } from "./supported-resource-types";
import { PreconditionFailedError } from "./precondition-failed-error";
import { conditionalUpdateInteraction, createInteraction, deleteInteraction, patchInteraction, updateInteraction } from "./write-interactions";

/**
 * Handles one FHIR REST request: content negotiation, routing to an interaction, and turning
 * every failure into an OperationOutcome with its HTTP status. No dependency on a web framework.
 */
export async function handleFhirRequest(request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const format = negotiateFormat(request);
  if (!format.ok) {
    return withContentType(outcomeResponse(format.status, "not-supported", format.diagnostics), "application/fhir+json; charset=utf-8");
  }

  let response: FhirResponse;
  try {
    response = await route(request, context);
  } catch (error) {
    response = errorResponse(error);
  }
  return withContentType(response, format.contentType);
}

function route(request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const { method, path } = request;
  const [resourceType, second, third, fourth, ...rest] = path;

  if (method === "GET" && path.length === 1 && resourceType === "metadata") {
    return Promise.resolve({ status: 200, headers: {}, body: buildCapabilityStatement(context.baseUrl, context.now?.() ?? new Date()) });
  }
  if (resourceType === undefined || !isSupportedResourceType(resourceType) || rest.length > 0) {
    throw new FhirError("not-found", `No FHIR endpoint at /${path.join("/")}; GET /metadata lists the resource types and interactions this server supports.`);
  }
  if (method !== "GET" && !canWrite(context.scope) && !(method === "POST" && second === "_search")) {
    throw new FhirError("forbidden", `${method} needs write access, and this session may only read; use GET to read and search.`);
  }

  const id = second;
  switch (`${method} ${shapeOf(path)}`) {
    case "GET type":
      return searchInteraction(resourceType, request, context);
    case "POST type/_search":
      return searchInteraction(resourceType, request, context);
    case "GET type/_history":
      return typeHistoryInteraction(resourceType, request, context);
    case "GET type/id":
      return readInteraction(resourceType, requireId(id), request, context);
    case "GET type/id/_history":
      return instanceHistoryInteraction(resourceType, requireId(id), context);
    case "GET type/id/_history/vid":
      return vreadInteraction(resourceType, requireId(id), fourth ?? "", context);
    case "POST type":
      return createInteraction(resourceType, request, context);
    case "PUT type":
      return conditionalUpdateInteraction(resourceType, request, context);
    case "PUT type/id":
      return updateInteraction(resourceType, requireId(id), request, context);
    case "PATCH type/id":
      return patchInteraction(resourceType, requireId(id), request, context);
    case "DELETE type/id":
      return deleteInteraction(resourceType, requireId(id), request, context);
    default:
      return Promise.resolve(outcomeResponse(405, "not-supported", `${method} is not supported on /${path.join("/")}; GET /metadata lists the interactions this server supports.`));
  }

  function shapeOf(segments: readonly string[]): string {
    if (segments.length === 1) return "type";
    if (segments.length === 2) return second === "_search" || second === "_history" ? `type/${second}` : "type/id";
    if (segments.length === 3 && third === "_history") return "type/id/_history";
    if (segments.length === 4 && third === "_history") return "type/id/_history/vid";
    return "unknown";
  }
}

function requireId(id: string | undefined): string {
  if (id === undefined || !/^[A-Za-z0-9.-]{1,64}$/.test(id)) {
    throw new FhirError("invalid", `"${id ?? ""}" is not a FHIR id; ids are 1 to 64 letters, digits, "-" and ".".`);
  }
  return id;
}

function errorResponse(error: unknown): FhirResponse {
  if (error instanceof PreconditionFailedError) {
    return { status: 412, headers: {}, body: error.conflict.toOperationOutcome() };
  }
  if (error instanceof FhirError) {
    return { status: error.status, headers: {}, body: error.toOperationOutcome() };
  }
  const referenceId = randomUUID();
  logger.error({ referenceId, ...toErrorFields(error) }, "FHIR request failed");
  return outcomeResponse(500, "exception", `The server failed to process the request; report reference ${referenceId} to the portal team.`);
}

function outcomeResponse(status: number, code: OperationOutcomeIssue["code"], diagnostics: string): FhirResponse {
  const body: OperationOutcome = { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
  return { status, headers: {}, body };
}

function withContentType(response: FhirResponse, contentType: string): FhirResponse {
  if (response.body === undefined) return response;
  return { ...response, headers: { ...response.headers, "content-type": contentType } };
}
