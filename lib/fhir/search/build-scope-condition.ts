import { DIRECTORY_RESOURCE_TYPES, type AccessScope } from "./access-scope";
import type { SqlParameters } from "./sql-parameters";

/**
 * Builds the SQL condition that limits rows of `resource` (or `resource_version`) under `alias`
 * to what the scope may see. With a "patients" scope a row is visible when it is one of those
 * Patients, when it is in one of their Patient compartments, or when it is of a directory type.
 * A Patient is matched by id only, so another Patient that links to one of them stays hidden.
 * The scope's `compartmentParams` further limit their types to the named references.
 */
export function buildScopeCondition(scope: AccessScope, alias: string, params: SqlParameters): string {
  const conditions: string[] = [];
  if (scope.resourceTypes !== undefined) {
    conditions.push(`${alias}.resource_type = ANY(${params.add([...scope.resourceTypes])}::text[])`);
  }
  if (scope.kind === "patients") {
    conditions.push(patientsCondition(scope.patientIds, alias, params));
    for (const [resourceType, names] of Object.entries(scope.compartmentParams ?? {})) {
      conditions.push(referenceCondition(resourceType, names, scope.patientIds, alias, params));
    }
  }
  return conditions.length === 0 ? "TRUE" : conditions.join(" AND ");
}

function patientsCondition(patientIds: readonly string[], alias: string, params: SqlParameters): string {
  const ids = params.add([...patientIds]);
  const directory = params.add([...DIRECTORY_RESOURCE_TYPES]);
  const compartment = params.alias("c");
  return `(${alias}.resource_type = ANY(${directory}::text[])
    OR (${alias}.resource_type = 'Patient' AND ${alias}.id = ANY(${ids}::text[]))
    OR (${alias}.resource_type <> 'Patient' AND EXISTS (
      SELECT 1 FROM resource_compartment ${compartment}
      WHERE ${compartment}.compartment_type = 'Patient' AND ${compartment}.compartment_id = ANY(${ids}::text[])
        AND ${compartment}.resource_type = ${alias}.resource_type AND ${compartment}.resource_id = ${alias}.id)))`;
}

/** Keeps a row of `resourceType` only when one of the named reference parameters points at a listed patient. */
function referenceCondition(resourceType: string, names: readonly string[], patientIds: readonly string[], alias: string, params: SqlParameters): string {
  const reference = params.alias("ref");
  return `(${alias}.resource_type <> ${params.add(resourceType)}::text OR EXISTS (
      SELECT 1 FROM search_reference ${reference}
      WHERE ${reference}.resource_type = ${alias}.resource_type AND ${reference}.resource_id = ${alias}.id
        AND ${reference}.param = ANY(${params.add([...names])}::text[]) AND ${reference}.target_type = 'Patient'
        AND ${reference}.target_id = ANY(${params.add([...patientIds])}::text[])))`;
}
