import { decideScopeCapability } from "../../access/decide-access";
import type { Database } from "../../db/database";
import type { ExportLevel } from "../bulk/bulk-export-job";
import { createBulkExportJob } from "../bulk/bulk-export-jobs";
import { ensureBulkExportRunning } from "../bulk/ensure-bulk-export-running";
import { toCallerKey } from "../bulk/to-caller-key";
import { FhirError } from "../fhir-error";
import { ACCESS_TRAIL_TYPES, PATIENT_COMPARTMENT_PARAMS } from "../patient-compartments";
import { allowsResourceType, DIRECTORY_RESOURCE_TYPES, type AccessScope } from "../search/access-scope";
import { readInScope } from "../search/read-in-scope";
import { exportRunOptions } from "./export-run-options";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { parseSince } from "./parse-since";
import { parseTypeList } from "./parse-type-list";
import { SUPPORTED_RESOURCE_TYPES } from "./supported-resource-types";

/** The `_outputFormat` values the Bulk Data IG lets a server treat as NDJSON. */
const NDJSON_FORMATS = new Set(["application/fhir+ndjson", "application/ndjson", "ndjson"]);

/** Kick-off parameters of the Bulk Data IG v2 that this server does not support; they get 400. */
const UNSUPPORTED_PARAMETERS = ["_typeFilter", "_elements", "patient", "includeAssociatedData", "organizeOutputBy", "allowPartialManifests"];

/**
 * Starts a bulk data export (FHIR Bulk Data Access IG v2) on GET /$export, /Patient/$export or
 * /Group/[id]/$export with `Prefer: respond-async`: records the job, runs it in the background of
 * this process and returns 202 with the status URL in Content-Location.
 * System and Group exports need a scope over every patient. A Patient export by a
 * patient-scoped caller covers only the caller's patients.
 */
export async function exportOperation(level: ExportLevel, groupId: string | undefined, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  assertKickOffRequest(request);
  if (level !== "patient" && !decideScopeCapability(context.scope, "export.bulk.system").allowed) {
    throw new FhirError("forbidden", `A ${level} export covers every patient, and this session may see only some; use GET /Patient/$export.`);
  }
  if (groupId !== undefined) await readInScope(context.db.sql, context.scope, "Group", groupId);
  const since = parseSince(request.query.get("_since"));
  const types = exportTypes(level, parseTypeList(request.query.get("_type")), context.scope);

  const job = await createBulkExportJob(context.db.sql, {
    owner: toCallerKey(context.scope, context.callerId),
    scope: context.scope,
    level,
    groupId,
    types,
    since,
    requestUrl: requestUrlOf(request, context),
    transactionTime: context.now?.() ?? new Date(),
  });
  startJob(context.db, job.id, context);

  return { status: 202, headers: { "content-location": `${context.baseUrl}/bulk-status/${job.id}` } };
}

function startJob(db: Database, jobId: string, context: FhirContext): void {
  ensureBulkExportRunning(db, jobId, exportRunOptions(context));
}

function assertKickOffRequest(request: FhirRequest): void {
  const prefer = (request.headers.prefer ?? "").split(/[,;]/).map((part) => part.trim());
  if (!prefer.includes("respond-async")) {
    throw new FhirError("invalid", "An export runs asynchronously, and the request has no \"Prefer: respond-async\" header; add it and resend.");
  }
  const format = request.query.get("_outputFormat");
  if (format !== null && !NDJSON_FORMATS.has(format)) {
    throw new FhirError("invalid", `_outputFormat "${format}" is not supported; this server writes application/fhir+ndjson, so use that or leave it out.`);
  }
  const unsupported = UNSUPPORTED_PARAMETERS.filter((name) => request.query.has(name));
  if (unsupported.length > 0) {
    throw new FhirError("invalid", `The export parameters ${unsupported.join(", ")} are not supported; leave them out and filter the files instead.`);
  }
}

/**
 * Lists the types an export writes, in a fixed order: the requested ones, or every type that can
 * hold the level's data, which for the Patient and Group levels leaves out the access trail
 * (ACCESS_TRAIL_TYPES). Types the scope hides are left out.
 */
function exportTypes(level: ExportLevel, requested: string[] | undefined, scope: AccessScope): string[] {
  const patientTypes = new Set(["Patient", ...PATIENT_COMPARTMENT_PARAMS.keys(), ...DIRECTORY_RESOURCE_TYPES]);
  for (const type of ACCESS_TRAIL_TYPES) patientTypes.delete(type);
  const available = level === "system" ? SUPPORTED_RESOURCE_TYPES : SUPPORTED_RESOURCE_TYPES.filter((type) => patientTypes.has(type));
  return (requested ?? available).filter((type) => allowsResourceType(scope, type));
}

function requestUrlOf(request: FhirRequest, context: FhirContext): string {
  const query = request.query.toString();
  return `${context.baseUrl}/${request.path.join("/")}${query === "" ? "" : `?${query}`}`;
}
