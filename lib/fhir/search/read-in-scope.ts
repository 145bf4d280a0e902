import type { SqlClient } from "../../db/sql-client";
import { FhirError } from "../fhir-error";
import { allowsResourceType, type AccessScope } from "./access-scope";
import { buildScopeCondition } from "./build-scope-condition";
import { SqlParameters } from "./sql-parameters";
import { toStoredResource, type StoredResource, type StoredResourceRow } from "./stored-resource";

interface VersionRow extends Omit<StoredResourceRow, "content"> {
  content: StoredResourceRow["content"] | null;
  deleted: boolean;
}

/** One entry of a history: a stored version, or a deletion when `resource` is undefined. */
export interface HistoryVersion {
  resourceType: string;
  id: string;
  versionId: number;
  lastUpdated: Date;
  resource?: StoredResource["resource"];
}

/**
 * Creates the not-found error for a resource that is absent or outside the caller's scope. Both
 * get the same message, so a caller cannot tell whether a resource it may not see exists.
 */
export function notFound(resourceType: string, id: string): FhirError {
  return new FhirError("not-found", `${resourceType}/${id} is not stored; check the type and id.`);
}

/**
 * Reads the current version of a resource the scope may see. Throws not-found when it is absent
 * or out of scope, and gone when the caller could see it and it was deleted.
 */
export async function readInScope(sql: SqlClient, scope: AccessScope, resourceType: string, id: string): Promise<StoredResource> {
  if (!allowsResourceType(scope, resourceType)) throw notFound(resourceType, id);

  const params = new SqlParameters();
  const rows = await sql.query<VersionRow>(
    `SELECT v.content, r.deleted, r.version_id, r.last_updated FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE r.resource_type = ${params.add(resourceType)} AND r.id = ${params.add(id)} AND ${buildScopeCondition(scope, "r", params)}`,
    params.values,
  );
  const row = rows[0];
  if (!row) throw notFound(resourceType, id);
  if (row.deleted || !row.content) {
    throw new FhirError("gone", `${resourceType}/${id} was deleted at version ${row.version_id}; its earlier versions are in its history.`);
  }
  return toStoredResource({ ...row, content: row.content });
}

/**
 * Lists the versions of one resource, newest first, when the scope may see it. A resource is in
 * scope by its current version, so a patient-scoped caller never sees a deleted resource's history.
 */
export async function listInstanceHistory(sql: SqlClient, scope: AccessScope, resourceType: string, id: string): Promise<HistoryVersion[]> {
  if (!allowsResourceType(scope, resourceType)) throw notFound(resourceType, id);

  const params = new SqlParameters();
  const rows = await sql.query<VersionRow>(
    `SELECT v.content, v.deleted, v.version_id, v.last_updated FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id
     WHERE r.resource_type = ${params.add(resourceType)} AND r.id = ${params.add(id)} AND ${buildScopeCondition(scope, "r", params)}
     ORDER BY v.version_id DESC`,
    params.values,
  );
  if (rows.length === 0) throw notFound(resourceType, id);
  return rows.map((row) => toHistoryVersion(resourceType, id, row));
}

/** Options of a type-level history. */
export interface TypeHistoryOptions {
  /** Only versions written at or after this instant. */
  since?: Date;
  count: number;
  offset: number;
}

/**
 * Lists versions of all resources of a type that the scope may see, newest first, one page plus
 * one row so the caller can tell whether another page follows.
 */
export async function listTypeHistory(sql: SqlClient, scope: AccessScope, resourceType: string, options: TypeHistoryOptions): Promise<HistoryVersion[]> {
  if (!allowsResourceType(scope, resourceType)) return [];

  const params = new SqlParameters();
  const conditions = [`r.resource_type = ${params.add(resourceType)}`, buildScopeCondition(scope, "r", params)];
  if (options.since) conditions.push(`v.last_updated >= ${params.add(options.since.toISOString())}::timestamptz`);
  const rows = await sql.query<VersionRow & { id: string }>(
    `SELECT v.id, v.content, v.deleted, v.version_id, v.last_updated FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id
     WHERE ${conditions.join(" AND ")}
     ORDER BY v.last_updated DESC, v.id, v.version_id DESC
     LIMIT ${params.add(options.count + 1)}::int OFFSET ${params.add(options.offset)}::int`,
    params.values,
  );
  return rows.map((row) => toHistoryVersion(resourceType, row.id, row));
}

/** Reads one version of a resource the scope may see by its current version. */
export async function readVersionInScope(sql: SqlClient, scope: AccessScope, resourceType: string, id: string, versionId: string): Promise<HistoryVersion> {
  const version = Number(versionId);
  if (!/^\d{1,9}$/.test(versionId) || version < 1) {
    throw new FhirError("invalid", `Version id "${versionId}" is not a positive whole number; use the meta.versionId of a stored version.`);
  }
  const versions = await listInstanceHistory(sql, scope, resourceType, id);
  const match = versions.find((candidate) => candidate.versionId === version);
  if (!match) {
    throw new FhirError("not-found", `${resourceType}/${id}/_history/${versionId} is not stored; list the versions with GET ${resourceType}/${id}/_history.`);
  }
  if (!match.resource) {
    throw new FhirError("gone", `${resourceType}/${id}/_history/${versionId} is a deletion; read an earlier version.`);
  }
  return match;
}

function toHistoryVersion(resourceType: string, id: string, row: VersionRow): HistoryVersion {
  return {
    resourceType,
    id,
    versionId: row.version_id,
    lastUpdated: new Date(row.last_updated),
    resource: row.deleted || !row.content ? undefined : row.content,
  };
}
