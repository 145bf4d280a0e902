import type { FhirResource } from "fhir/r4";

import type { SqlClient } from "../../db/sql-client";
import { buildPatientDataCondition, type PatientSelection } from "../search/build-patient-data-condition";
import { buildScopeCondition } from "../search/build-scope-condition";
import { SqlParameters } from "../search/sql-parameters";
import { currentContentSql } from "../store/current-content-sql";
import type { BulkExportJob } from "./bulk-export-job";

/**
 * Lists the next batch of current resources of one type for an export, ordered by id after
 * `afterId`: within the job's scope, changed after `_since` and not after the transaction time,
 * and, for Patient and Group exports, from the selected patients' data.
 */
export async function listExportBatch(
  sql: SqlClient,
  job: BulkExportJob,
  selection: PatientSelection | undefined,
  resourceType: string,
  afterId: string,
  limit: number,
): Promise<{ id: string; content: FhirResource }[]> {
  const params = new SqlParameters();
  const conditions = [
    `r.resource_type = ${params.add(resourceType)}`,
    "NOT r.deleted",
    `r.id COLLATE "C" > ${params.add(afterId)}`,
    `r.last_updated <= ${params.add(job.transactionTime.toISOString())}::timestamptz`,
    buildScopeCondition(job.scope, "r", params),
  ];
  if (job.since) conditions.push(`r.last_updated > ${params.add(job.since.toISOString())}::timestamptz`);
  if (selection) conditions.push(buildPatientDataCondition(selection, "r", params));

  return sql.query<{ id: string; content: FhirResource }>(
    `SELECT r.id, ${currentContentSql("r")} AS content FROM resource r
     WHERE ${conditions.join(" AND ")}
     ORDER BY r.id COLLATE "C"
     LIMIT ${params.add(limit)}::int`,
    params.values,
  );
}
