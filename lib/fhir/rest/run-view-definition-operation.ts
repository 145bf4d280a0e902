import type { Group } from "fhir/r4";

import { assertScopeCapability } from "../../access/assert-access";
import { compileViewDefinition, type CompiledView } from "../../analytics/compile-view-definition";
import { formatViewRows, VIEW_OUTPUT_CONTENT_TYPES } from "../../analytics/format-view-rows";
import { listViewSourceResources } from "../../analytics/list-view-source-resources";
import { MAX_RUN_ROWS, parseRunParameters, type RunParameters } from "../../analytics/parse-run-parameters";
import { readStoredViewDefinition } from "../../analytics/stored-view-definitions";
import type { ViewRow } from "../../analytics/view-definition";
import { FhirError } from "../fhir-error";
import { readInScope } from "../search/read-in-scope";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";

/**
 * ViewDefinition/$run and ViewDefinition/[id]/$run (SQL-on-FHIR v2), by GET or POST: runs an
 * inline or stored ViewDefinition over inline resources or over the store, within the caller's
 * scope, and returns the rows as JSON, NDJSON or CSV. `patient` and `group` narrow the stored
 * resources to those Patients' compartments; a Patient or Group outside the scope gets 404.
 */
export async function runViewDefinitionOperation(instanceId: string | undefined, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  assertScopeCapability(context.scope, "analytics.run");
  const parameters = parseRunParameters(request.query, request.method === "POST" ? request.body : undefined, instanceId);
  const view = compileViewDefinition(parameters.viewId !== undefined ? await readStoredViewDefinition(context.db, parameters.viewId) : parameters.viewResource);

  const { rows, patientIds } = parameters.resources
    ? { rows: runInline(view, parameters.resources, parameters.limit), patientIds: [] }
    : await runOnStore(view, parameters, context);

  return {
    status: 200,
    headers: { "content-type": VIEW_OUTPUT_CONTENT_TYPES[parameters.format] },
    body: formatViewRows(rows, view.columns, parameters.format, parameters.header),
    auditPatientIds: patientIds,
  };
}

function runInline(view: CompiledView, resources: unknown[], limit: number | undefined): ViewRow[] {
  const rows: ViewRow[] = [];
  for (const resource of resources) {
    rows.push(...view.evaluate(resource));
    if (rows.length > (limit ?? MAX_RUN_ROWS)) break;
  }
  return limitRows(rows, limit);
}

/**
 * Runs the view over the stored resources the scope may see. Returns the rows and the patients
 * whose compartments hold the resources behind the returned rows, so the AuditEvent names them.
 */
async function runOnStore(view: CompiledView, parameters: RunParameters, context: FhirContext): Promise<{ rows: ViewRow[]; patientIds: string[] }> {
  const filterIds = await listFilterPatients(parameters, context);
  const rows: ViewRow[] = [];
  const sources: string[] = [];
  for await (const batch of listViewSourceResources(context.db.sql, context.scope, view.resourceType, filterIds ? { patientIds: filterIds } : {})) {
    for (const resource of batch) {
      const produced = view.evaluate(resource);
      rows.push(...produced);
      sources.push(...produced.map(() => resource.id ?? ""));
    }
    if (rows.length > (parameters.limit ?? MAX_RUN_ROWS)) break;
  }

  const returned = limitRows(rows, parameters.limit);
  const returnedIds = [...new Set(sources.slice(0, returned.length))];
  return { rows: returned, patientIds: await listCompartmentPatients(context, view.resourceType, returnedIds) };
}

/** Lists, sorted, the Patients whose compartments hold these resources; a Patient is in its own. */
async function listCompartmentPatients(context: FhirContext, resourceType: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  if (resourceType === "Patient") return ids.sort();

  const rows = await context.db.sql.query<{ compartment_id: string }>(
    `SELECT DISTINCT compartment_id FROM resource_compartment
     WHERE compartment_type = 'Patient' AND resource_type = $1 AND resource_id = ANY($2::text[])
     ORDER BY compartment_id`,
    [resourceType, ids],
  );
  return rows.map((row) => row.compartment_id);
}

/** Lists the Patients named by `patient` and by the Group's members, each checked against the scope. */
async function listFilterPatients(parameters: RunParameters, context: FhirContext): Promise<string[] | undefined> {
  if (parameters.patientIds === undefined && parameters.groupId === undefined) return undefined;
  const ids = [...(parameters.patientIds ?? [])];
  for (const id of ids) await readInScope(context.db.sql, context.scope, "Patient", id);
  if (parameters.groupId !== undefined) {
    const group = (await readInScope(context.db.sql, context.scope, "Group", parameters.groupId)).resource as Group;
    ids.push(...(group.member ?? []).flatMap((member) => /^Patient\/([A-Za-z0-9.-]{1,64})$/.exec(member.entity.reference ?? "")?.[1] ?? []));
  }
  return ids;
}

/**
 * Cuts the rows at `_limit`. Without `_limit` the limit is MAX_RUN_ROWS, and a result that
 * reaches it is rejected instead of silently cut.
 */
function limitRows(rows: ViewRow[], limit: number | undefined): ViewRow[] {
  if (limit === undefined && rows.length > MAX_RUN_ROWS) {
    throw new FhirError("too-costly", `The view returns more than ${MAX_RUN_ROWS} rows; set _limit, narrow it with patient or group, or read the materialized table in the analytics schema.`);
  }
  return rows.slice(0, limit ?? MAX_RUN_ROWS);
}
