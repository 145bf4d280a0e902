import { deleteViewDefinition, readViewDefinition, searchViewDefinitions, writeViewDefinition } from "../../analytics/view-definition-interactions";
import { FhirError } from "../fhir-error";
import { isJsonObject } from "../is-json-object";
import { canWrite } from "../search/access-scope";
import { batchInteraction } from "./batch-interaction";
import { parseBundleEntries } from "./bundle-entry-request";
import { buildCapabilityStatement } from "./capability-statement";
import { careGapsOperation } from "./care-gaps-operation";
import { errorResponse, outcomeResponse } from "./error-response";
import { evaluateMeasureOperation } from "./evaluate-measure-operation";
import { everythingOperation } from "./everything-operation";
import { validateOperation } from "./validate-operation";
import { exportOperation } from "./export-operation";
import { cancelExportOperation, exportStatusOperation } from "./export-status-operation";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { negotiateFormat } from "./negotiate-format";
import { runViewDefinitionOperation } from "./run-view-definition-operation";
import { instanceHistoryInteraction, readInteraction, typeHistoryInteraction, vreadInteraction } from "./read-interactions";
import { searchInteraction } from "./search-interaction";
import { isSupportedResourceType } from "./supported-resource-types";
import { transactionInteraction } from "./transaction-interaction";
import { conditionalDeleteInteraction, conditionalUpdateInteraction, createInteraction, deleteInteraction, patchInteraction, updateInteraction } from "./write-interactions";

/**
 * Handles one FHIR REST request: content negotiation, routing to an interaction, and turning
 * every failure into an OperationOutcome with its HTTP status. No dependency on a web framework.
 */
export async function handleFhirRequest(request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  // Scope comes before content negotiation, so a caller who may not write gets 403 for every write, whatever its body.
  if (isTypeWrite(request) && !canWrite(context.scope)) {
    return withContentType(errorResponse(writeForbidden(request.method)), "application/fhir+json; charset=utf-8");
  }
  const format = negotiateFormat(isViewRun(request) ? withoutOutputFormat(request) : request);
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
  const operation = routeOperation(request, context);
  if (operation) return operation;
  if (resourceType === undefined || !isSupportedResourceType(resourceType) || rest.length > 0) {
    throw new FhirError("not-found", `No FHIR endpoint at /${path.join("/")}; GET /metadata lists the resource types and interactions this server supports.`);
  }
  if (method !== "GET" && !canWrite(context.scope) && !(method === "POST" && second === "_search")) {
    throw writeForbidden(method);
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
    case "DELETE type":
      return conditionalDeleteInteraction(resourceType, request, context);
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

/** Tells whether a request is a create, update, patch or delete on a type, as opposed to a search, a Bundle or an operation. */
function isTypeWrite({ method, path }: FhirRequest): boolean {
  if (method === "GET" || path.length === 0 || path[0] === "" || path[0] === "bulk-status") return false;
  if (path.some((segment) => segment.startsWith("$"))) return false;
  return !(method === "POST" && path[1] === "_search");
}

function writeForbidden(method: string): FhirError {
  return new FhirError("forbidden", `${method} needs write access, and this session may only read; use GET to read and search.`);
}

/**
 * Routes the requests that are not a type's REST interactions: batch and transaction Bundles at
 * the base, $validate, $everything, the measure operations ($care-gaps, $evaluate-measure), the bulk
 * export kick-off and status, and ViewDefinition with its $run (ViewDefinitions are stored as
 * Basic, see lib/analytics). Returns undefined for the rest.
 */
function routeOperation(request: FhirRequest, context: FhirContext): Promise<FhirResponse> | undefined {
  const { method, path } = request;
  const second = path[1];
  const shape = `${method} ${path.map((segment, index) => (segment.startsWith("$") || segment === "bulk-status" || (index === 0 && segment !== "") ? segment : "[id]")).join("/")}`;

  if (method === "POST" && path[path.length - 1] === "$validate" && path.length <= 3) {
    return validateOperation({ resourceType: path.length > 1 ? path[0] : undefined, id: path.length === 3 ? requireId(second) : undefined }, request, context);
  }

  switch (shape) {
    case "POST ":
      return bundleInteraction(request, context);
    case "GET Patient/[id]/$everything":
      return everythingOperation(requireId(second), request, context);
    case "GET Measure/$care-gaps":
    case "POST Measure/$care-gaps":
      return careGapsOperation(request, context);
    case "GET Measure/[id]/$evaluate-measure":
    case "POST Measure/[id]/$evaluate-measure":
      return evaluateMeasureOperation(requireId(second), request, context);
    case "GET $export":
      return exportOperation("system", undefined, request, context);
    case "GET Patient/$export":
      return exportOperation("patient", undefined, request, context);
    case "GET Group/[id]/$export":
      return exportOperation("group", requireId(second), request, context);
    case "GET bulk-status/[id]":
      return exportStatusOperation(second ?? "", context);
    case "DELETE bulk-status/[id]":
      return cancelExportOperation(second ?? "", context);
    case "GET ViewDefinition/$run":
    case "POST ViewDefinition/$run":
      return runViewDefinitionOperation(undefined, request, context);
    case "GET ViewDefinition/[id]/$run":
    case "POST ViewDefinition/[id]/$run":
      return runViewDefinitionOperation(requireId(second), request, context);
    case "GET ViewDefinition":
      return searchViewDefinitions(context);
    case "POST ViewDefinition":
      return writeViewDefinition(undefined, request, context);
    case "GET ViewDefinition/[id]":
      return readViewDefinition(requireId(second), context);
    case "PUT ViewDefinition/[id]":
      return writeViewDefinition(requireId(second), request, context);
    case "DELETE ViewDefinition/[id]":
      return deleteViewDefinition(requireId(second), context);
    default:
      return undefined;
  }
}

/** POST to the base: a batch or transaction Bundle. */
function bundleInteraction(request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  let bundle: unknown;
  try {
    bundle = JSON.parse(request.body ?? "");
  } catch {
    throw new FhirError("invalid", "The request body is not a JSON Bundle; POST to the base takes a batch or transaction Bundle.");
  }
  if (!isJsonObject(bundle) || bundle.resourceType !== "Bundle" || (bundle.type !== "batch" && bundle.type !== "transaction")) {
    throw new FhirError("invalid", "POST to the base takes a Bundle of type batch or transaction; send one, or POST a resource to its type.");
  }

  const entries = parseBundleEntries(bundle.entry, context);
  return bundle.type === "batch" ? batchInteraction(entries, context, route) : transactionInteraction(entries, context, route);
}

function isViewRun({ path }: FhirRequest): boolean {
  return path[0] === "ViewDefinition" && path[path.length - 1] === "$run";
}

/** $run reads `_format` and Accept as its own output format (json, ndjson, csv), so negotiation ignores them. */
function withoutOutputFormat(request: FhirRequest): FhirRequest {
  const query = new URLSearchParams(request.query);
  query.delete("_format");
  const headers = { ...request.headers };
  delete headers.accept;
  return { ...request, query, headers };
}

function requireId(id: string | undefined): string {
  if (id === undefined || !/^[A-Za-z0-9.-]{1,64}$/.test(id)) {
    throw new FhirError("invalid", `"${id ?? ""}" is not a FHIR id; ids are 1 to 64 letters, digits, "-" and ".".`);
  }
  return id;
}

/** Sets the negotiated media type on a response with a body, unless the operation set its own (the export manifest is plain JSON). */
function withContentType(response: FhirResponse, contentType: string): FhirResponse {
  if ((response.body === undefined && response.json === undefined) || response.headers["content-type"] !== undefined) return response;
  return { ...response, headers: { ...response.headers, "content-type": contentType } };
}
