import type { Resource } from "fhir/r4";

import { extractIndexRows } from "../fhir/extract-index-rows";
import { patientCompartmentsOf } from "../fhir/patient-compartments";
import type { FhirRequest, FhirResponse } from "../fhir/rest/fhir-request";
import { restfulInteractionSystem, type AuditAction, type AuditOutcome } from "./audit-codes";
import type { AuditAgent, AuditRecord } from "./audit-record";

/**
 * Describes a FHIR API request and its response as an audit record: the interaction from the
 * method and path, the outcome from the status, and the patients from the resources the
 * response carries (a resource, or the entries of a Bundle) together with the patient a
 * Patient-level path names, and the patients an operation reports for a body of rows
 * (`auditPatientIds`).
 */
export function toFhirAuditRecord(
  request: Pick<FhirRequest, "method" | "path">,
  response: Pick<FhirResponse, "status" | "body" | "auditPatientIds" | "auditResources">,
  agents: readonly AuditAgent[],
  details: { address?: string; requestId?: string; recorded: Date },
): AuditRecord {
  const interaction = toInteraction(request.method, request.path);
  const returned = listReturnedResources(response.body);
  const patientIds = new Set(returned.flatMap((resource) => patientCompartmentsOf(resource, extractIndexRows(resource))));
  if (request.path[0] === "Patient" && isId(request.path[1])) {
    patientIds.add(request.path[1]);
  }
  for (const patientId of response.auditPatientIds ?? []) patientIds.add(patientId);

  return {
    action: interaction.action,
    subtype: { system: restfulInteractionSystem, code: interaction.code },
    agents,
    patientIds: [...patientIds].sort(),
    resources: response.auditResources ?? returned.filter((resource) => resource.id !== undefined).map((resource) => `${resource.resourceType}/${resource.id}`),
    outcome: toOutcome(response.status),
    ...details,
  };
}

/** Maps a request to its FHIR restful-interaction code and AuditEvent action. */
function toInteraction(method: string, path: readonly string[]): { code: string; action: AuditAction } {
  if (path.some((segment) => segment.startsWith("$"))) return { code: "operation", action: "E" };

  const [type, id, history, versionId] = path;
  switch (method) {
    case "GET":
    case "HEAD":
      if (type === undefined || type === "") return { code: path.length === 0 ? "search-system" : "capabilities", action: "R" };
      if (type === "metadata") return { code: "capabilities", action: "R" };
      if (id === undefined || id === "_search") return { code: "search-type", action: "R" };
      if (id === "_history") return { code: "history-type", action: "R" };
      if (history === "_history") return { code: versionId === undefined ? "history-instance" : "vread", action: "R" };
      return { code: "read", action: "R" };
    case "POST":
      if (type === undefined || type === "") return { code: "transaction", action: "E" };
      return id === "_search" ? { code: "search-type", action: "R" } : { code: "create", action: "C" };
    case "PUT":
      return { code: "update", action: "U" };
    case "PATCH":
      return { code: "patch", action: "U" };
    case "DELETE":
      return { code: "delete", action: "D" };
    default:
      return { code: "operation", action: "E" };
  }
}

function listReturnedResources(body: unknown): Resource[] {
  if (!isResource(body)) return [];
  if (body.resourceType !== "Bundle") return body.resourceType === "OperationOutcome" ? [] : [body];

  const entries = (body as { entry?: unknown }).entry;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown) => {
    const resource = typeof entry === "object" && entry !== null ? (entry as { resource?: unknown }).resource : undefined;
    return isResource(resource) && resource.resourceType !== "OperationOutcome" ? [resource] : [];
  });
}

function isResource(value: unknown): value is Resource {
  return typeof value === "object" && value !== null && typeof (value as { resourceType?: unknown }).resourceType === "string";
}

function isId(value: string | undefined): value is string {
  return value !== undefined && !value.startsWith("$") && !value.startsWith("_");
}

function toOutcome(status: number): AuditOutcome {
  if (status >= 500) return "8";
  return status >= 400 ? "4" : "0";
}
