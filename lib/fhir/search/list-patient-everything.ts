import type { SqlClient } from "../../db/sql-client";
import { ACCESS_TRAIL_TYPES } from "../patient-compartments";
import { DIRECTORY_RESOURCE_TYPES, type AccessScope } from "./access-scope";
import { buildScopeCondition } from "./build-scope-condition";
import { SqlParameters } from "./sql-parameters";
import { STORED_JSON_COLUMNS, toStoredResource, type StoredResource, type StoredResourceRow } from "./stored-resource";

/** Options of Patient/[id]/$everything. */
export interface EverythingOptions {
  /** Only these resource types; every type when absent. */
  types?: readonly string[];
  /** Only resources last updated at or after this instant. */
  since?: Date;
  count: number;
  offset: number;
}

/** One page of $everything: the resources, and how many there are in all. */
export interface EverythingPage {
  total: number;
  /** "match" for the Patient and its compartment, "include" for the directory resources they refer to. */
  entries: { resource: StoredResource; mode: "match" | "include" }[];
}

/**
 * Lists a Patient, the current resources in its compartment, and the directory resources those
 * refer to through an indexed reference parameter, within the caller's scope. The Patient comes
 * first, then the rest ordered by type and id, so `offset` names a stable page. The access trail
 * (ACCESS_TRAIL_TYPES) is left out unless `types` is given, and what it refers to always is.
 */
export async function listPatientEverything(sql: SqlClient, scope: AccessScope, patientId: string, options: EverythingOptions): Promise<EverythingPage> {
  const params = new SqlParameters();
  const from = buildFrom(scope, patientId, options, params);

  const [counted] = await sql.query<{ total: number | string }>(`SELECT count(*) AS total ${from}`, params.values);
  const rows = await sql.query<StoredResourceRow & { mode: "match" | "include" }>(
    `SELECT k.mode, ${STORED_JSON_COLUMNS}, r.version_id, r.last_updated ${from}
     ORDER BY r.resource_type <> 'Patient', r.resource_type, r.id
     LIMIT ${params.add(options.count)}::int OFFSET ${params.add(options.offset)}::int`,
    params.values,
  );

  return { total: Number(counted?.total ?? 0), entries: rows.map((row) => ({ mode: row.mode, resource: toStoredResource(row) })) };
}

function buildFrom(scope: AccessScope, patientId: string, options: EverythingOptions, params: SqlParameters): string {
  const id = params.add(patientId);
  const inCompartment = `c.compartment_type = 'Patient' AND c.compartment_id = ${id}::text`;
  // The access trail leaves the compartment here, not in the conditions below, so that the count
  // skips its rows too. The Patient itself comes from the first branch.
  const types = options.types ? params.add([...options.types]) : undefined;
  const matchTypes = types
    ? [`c.resource_type = ANY(${types}::text[]) AND c.resource_type <> 'Patient'`]
    : typeRangesWithout(["Patient", ...ACCESS_TRAIL_TYPES], params);
  // What the access trail refers to was looked at, not part of the record, so it stays out even
  // when `types` names its type.
  const referrerTypes = typeRangesWithout(ACCESS_TRAIL_TYPES, params);
  const directoryTypes = params.add([...DIRECTORY_RESOURCE_TYPES]);
  const conditions = ["NOT r.deleted", buildScopeCondition(scope, "r", params)];
  if (types) conditions.push(`r.resource_type = ANY(${types}::text[])`);
  if (options.since) conditions.push(`r.last_updated >= ${params.add(options.since.toISOString())}::timestamptz`);

  const matches = matchTypes.map((range) => `SELECT c.resource_type, c.resource_id, 'match' FROM resource_compartment c WHERE ${inCompartment} AND ${range}`);
  const includes = referrerTypes.map(
    (range) => `SELECT ref.target_type, ref.target_id, 'include' FROM search_reference ref
      JOIN resource_compartment c ON c.resource_type = ref.resource_type AND c.resource_id = ref.resource_id
      WHERE ${inCompartment} AND ${range} AND ref.target_type = ANY(${directoryTypes}::text[])`,
  );
  return `FROM (
      SELECT 'Patient'::text AS resource_type, ${id}::text AS id, 'match'::text AS mode
      UNION
      ${[...matches, ...includes].join("\n      UNION\n      ")}
    ) k
    JOIN resource r ON r.resource_type = k.resource_type AND r.id = k.id
    JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
    WHERE ${conditions.join(" AND ")}`;
}

/**
 * Builds conditions on `c.resource_type` that together select every type but `leftOut`, each one
 * range of the compartment key, so PostgreSQL reads no entry of a left-out type. A `<> ALL` filter
 * read every AuditEvent's entry and dropped it, which made `$everything` about 3.5 times slower
 * for a patient with 2,000 of them (BENCHMARKS.md). Each range keeps that filter too, so a
 * collation that orders the types unlike JavaScript costs speed but never a wrong result.
 */
export function typeRangesWithout(leftOut: readonly string[], params: SqlParameters): string[] {
  const bounds = [...new Set(leftOut)].sort().map((type) => params.add(type));
  const excluded = `c.resource_type <> ALL(${params.add([...leftOut])}::text[])`;
  return [...bounds, undefined].map((upper, index) => {
    const lower = index > 0 ? bounds[index - 1] : undefined;
    const range = [lower && `c.resource_type > ${lower}::text`, upper && `c.resource_type < ${upper}::text`].filter(Boolean);
    return [...range, excluded].join(" AND ");
  });
}
