import type { FhirResource } from "fhir/r4";

import type { SqlClient } from "../../db/sql-client";
import { FhirError } from "../fhir-error";
import { COPY_NULL, copyJsonText, copyText } from "./copy-text";
import type { IndexedResource, SqlClauses } from "./replace-search-index";
import { storedMetaJson, toStoredJson, type SerializedResource } from "./serialize-resource";

/** One new version of a resource, written to resource_version and, when it is the latest, to resource. */
export interface VersionRow {
  resourceType: string;
  id: string;
  versionId: number;
  /** ISO 8601 instant. */
  lastUpdated: string;
  deleted: boolean;
  /** Empty for a delete. */
  contentHash: string;
  /** True when the resource table had no row for this resource before the batch. */
  isNew: boolean;
  /** True for the last version of this resource in the batch. */
  isLatest?: boolean;
  /** The stored resource with its new meta; absent for a delete. */
  resource?: FhirResource;
  /** `resource` serialized without the meta the store sets; absent for a delete. */
  serialized?: SerializedResource;
  /** What indexes the resource, with its rows or their COPY text when computed ahead; absent for a delete. */
  indexed?: IndexedResource;
}

/**
 * From this many versions on, PostgreSQL gets the versions through COPY. Below it one statement
 * writes everything, because COPY costs a round trip more and a single REST write gains nothing.
 */
const copyThreshold = 100;

/** Tells whether saveVersions copies these versions, rather than writing them in one statement. */
export function copiesVersions(sql: SqlClient, versions: readonly VersionRow[]): boolean {
  return sql.copyFrom !== undefined && versions.length >= copyThreshold;
}

/**
 * Writes new versions to resource_version, and points the resource row of each resource at its
 * latest version: an update for a resource that was stored before the batch, an insert for a new
 * one. A batch that is not copied (see copiesVersions) is one statement, and `also` (clauses
 * numbered from 3) runs in it. Throws a conflict when another transaction wrote one of these
 * versions or created one of the new resources meanwhile.
 */
export async function saveVersions(sql: SqlClient, versions: VersionRow[], also?: SqlClauses): Promise<void> {
  try {
    await writeRows(sql, versions, also);
  } catch (error) {
    // Two transactions that both found no row for a resource both write its version 1, and the
    // primary key of resource_version or resource stops the later one.
    if (isUniqueViolation(error)) throw concurrentCreateConflict();
    throw error;
  }
}

async function writeRows(sql: SqlClient, versions: VersionRow[], also: SqlClauses | undefined): Promise<void> {
  if (copiesVersions(sql, versions)) {
    if (also) throw new Error("saveVersions copies this batch, so it cannot run other clauses with it; check copiesVersions first.");
    const copyFrom = (sql.copyFrom as NonNullable<SqlClient["copyFrom"]>).bind(sql);
    await copyVersions(sql, copyFrom, versions);
    const latest = versions.filter((row) => row.isLatest);
    await copyNewCurrentRows(copyFrom, latest.filter((row) => row.isNew));
    await saveCurrentRows(sql, latest.filter((row) => !row.isNew), "");
  } else {
    await saveCurrentRows(sql, versions, versionsJson(versions), also);
  }
}

/**
 * Copies the versions with COPY, which PostgreSQL parses with less work than a JSON parameter.
 * Large bodies are compressed with lz4 where the server supports it, because lz4 takes less CPU
 * than the default pglz. The setting lasts until the end of the transaction, and reads
 * decompress either kind.
 */
async function copyVersions(sql: SqlClient, copyFrom: NonNullable<SqlClient["copyFrom"]>, versions: VersionRow[]): Promise<void> {
  await sql.query(
    `SELECT set_config('default_toast_compression', 'lz4', true)
     FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`,
  );

  // One flat list of pieces joined once. Building a string per row would copy every body once
  // more and leave that much more garbage.
  const parts: string[] = [];
  for (const row of versions) {
    parts.push(copyText(row.resourceType), "\t", copyText(row.id), "\t", String(row.versionId), "\t", row.lastUpdated, "\t", row.deleted ? "t" : "f", "\t");
    if (row.serialized === undefined) {
      parts.push(COPY_NULL, "\n");
    } else {
      pushStoredJson(parts, row.serialized, storedMetaJson(row.serialized, String(row.versionId), row.lastUpdated));
      parts.push("\n");
    }
  }
  await copyFrom("COPY resource_version (resource_type, id, version_id, last_updated, deleted, content) FROM STDIN", parts.join(""));
}

/** Appends the stored JSON of a resource, escaped for COPY, as the pieces toStoredJson joins. */
function pushStoredJson(parts: string[], serialized: SerializedResource, metaJson: string): void {
  const body = copyJsonText(serialized.body);
  if (body === "{}") {
    parts.push('{"meta":', copyJsonText(metaJson), "}");
  } else {
    parts.push(body.slice(0, -1), ',"meta":', copyJsonText(metaJson), "}");
  }
}

/** Copies the resource rows of resources new in this batch. */
async function copyNewCurrentRows(copyFrom: NonNullable<SqlClient["copyFrom"]>, rows: VersionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(`${copyText(row.resourceType)}\t${copyText(row.id)}\t${row.versionId}\t${row.lastUpdated}\t${row.deleted ? "t" : "f"}\t${row.contentHash}\n`);
  }
  await copyFrom("COPY resource (resource_type, id, version_id, last_updated, deleted, content_hash) FROM STDIN", lines.join(""));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}

function concurrentCreateConflict(): FhirError {
  return new FhirError("conflict", "Another request created one of these resources at the same moment; retry the request.");
}

/**
 * Builds the JSON parameter of saveCurrentRows, one object per version. The bodies are spliced in
 * as they were serialized, so no resource is serialized twice.
 */
function versionsJson(versions: VersionRow[]): string {
  const objects = versions.map((row) => {
    const fields = JSON.stringify(currentRowOf(row));
    if (row.serialized === undefined) return fields;
    return `${fields.slice(0, -1)},"content":${toStoredJson(row.serialized, String(row.versionId), row.lastUpdated)}}`;
  });
  return `[${objects.join(",")}]`;
}

function currentRowOf(row: VersionRow): Record<string, string | number | boolean> {
  let current = "none";
  if (row.isLatest) current = row.isNew ? "insert" : "update";
  return {
    resource_type: row.resourceType,
    id: row.id,
    version_id: row.versionId,
    last_updated: row.lastUpdated,
    deleted: row.deleted,
    content_hash: row.contentHash,
    current,
  };
}

/**
 * Runs one statement over a JSON parameter of rows: it inserts the rows that carry content into
 * resource_version (none when `versions` is ""), then updates or inserts the resource rows, and
 * runs the `also` clauses beside them.
 */
async function saveCurrentRows(sql: SqlClient, rows: VersionRow[], versions: string, also: SqlClauses = { clauses: [], values: [] }): Promise<void> {
  if (rows.length === 0) return;
  const json = versions === "" ? JSON.stringify(rows.map(currentRowOf)) : versions;
  const inserts = rows.filter((row) => row.isLatest && row.isNew).length;
  const extra = also.clauses.map((clause) => `,\n     ${clause}`).join("");

  const inserted = await sql.execute(
    `WITH t AS (
       SELECT * FROM json_to_recordset($1::json)
         AS t(resource_type text, id text, version_id int, last_updated timestamptz, deleted boolean, content_hash text, content json, current text)
     ),
     saved_versions AS (
       INSERT INTO resource_version (resource_type, id, version_id, last_updated, deleted, content)
       SELECT resource_type, id, version_id, last_updated, deleted, content FROM t WHERE $2
     ),
     updated AS (
       UPDATE resource AS r
       SET version_id = t.version_id, last_updated = t.last_updated, deleted = t.deleted, content_hash = t.content_hash
       FROM t WHERE t.current = 'update' AND r.resource_type = t.resource_type AND r.id = t.id
     )${extra}
     INSERT INTO resource (resource_type, id, version_id, last_updated, deleted, content_hash)
     SELECT resource_type, id, version_id, last_updated, deleted, content_hash FROM t WHERE t.current = 'insert'
     ON CONFLICT DO NOTHING`,
    [json, versions !== "", ...also.values],
    { prepare: true },
  );
  if (inserted !== inserts) {
    throw concurrentCreateConflict();
  }
}
