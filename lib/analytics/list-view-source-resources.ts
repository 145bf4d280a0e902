import type { FhirResource } from "fhir/r4";

import type { SqlClient } from "../db/sql-client";
import { allowsResourceType, type AccessScope } from "../fhir/search/access-scope";
import { buildScopeCondition } from "../fhir/search/build-scope-condition";
import { SqlParameters } from "../fhir/search/sql-parameters";
import { currentContentSql } from "../fhir/store/current-content-sql";

/** Resources read per statement while a view runs over the store. */
const BATCH_SIZE = 500;

/** A filter on the stored resources a view runs over. */
export interface ViewSourceFilter {
  /** Only these Patients and their compartments; every resource in scope when absent. */
  patientIds?: readonly string[];
}

/**
 * Yields the current resources of one type that the scope may see, in batches ordered by id. The
 * scope is the same SQL condition search uses, so a member gets only their own compartment and
 * the directory types.
 */
export async function* listViewSourceResources(sql: SqlClient, scope: AccessScope, resourceType: string, filter: ViewSourceFilter = {}): AsyncGenerator<FhirResource[]> {
  if (!allowsResourceType(scope, resourceType)) return;

  let afterId = "";
  for (;;) {
    const params = new SqlParameters();
    const conditions = [
      `r.resource_type = ${params.add(resourceType)}`,
      "NOT r.deleted",
      `r.id > ${params.add(afterId)}`,
      buildScopeCondition(scope, "r", params),
    ];
    if (filter.patientIds) conditions.push(patientCondition(filter.patientIds, params));

    const rows = await sql.query<{ id: string; content: FhirResource }>(
      `SELECT r.id, ${currentContentSql("r")} AS content FROM resource r
       WHERE ${conditions.join(" AND ")}
       ORDER BY r.id LIMIT ${BATCH_SIZE}`,
      params.values,
    );
    if (rows.length === 0) return;
    yield rows.map((row) => row.content);
    if (rows.length < BATCH_SIZE) return;
    afterId = rows[rows.length - 1]?.id ?? afterId;
  }
}

function patientCondition(patientIds: readonly string[], params: SqlParameters): string {
  const ids = params.add([...patientIds]);
  return `((r.resource_type = 'Patient' AND r.id = ANY(${ids}::text[]))
    OR EXISTS (SELECT 1 FROM resource_compartment pc
      WHERE pc.compartment_type = 'Patient' AND pc.compartment_id = ANY(${ids}::text[])
        AND pc.resource_type = r.resource_type AND pc.resource_id = r.id))`;
}
