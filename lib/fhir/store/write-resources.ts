import type { FhirResource } from "fhir/r4";

import { FhirError } from "../fhir-error";
import { contentHash } from "./content-hash";
import { replaceSearchIndex } from "./replace-search-index";
import type { ResourceWrite, WriteOutcome } from "./resource-write";
import type { SqlClient } from "../../db/sql-client";

interface StoredState {
  versionId: number;
  hash: string;
  deleted: boolean;
  /** True while the row is only in this batch, not yet in the resource table. */
  isNew: boolean;
}

interface VersionRow {
  resource_type: string;
  id: string;
  version_id: number;
  last_updated: string;
  deleted: boolean;
  content_hash: string;
  content: FhirResource | null;
}

/**
 * Applies a batch of writes in the caller's transaction: new versions in resource_version, the
 * current one in resource, and the search index of every changed resource. A put whose content
 * equals the stored version writes nothing. Writes to one id apply in order. A failed `ifMatch`
 * throws a conflict, and the caller's transaction is expected to roll the batch back.
 */
export async function writeResources(sql: SqlClient, writes: ResourceWrite[], now: Date): Promise<WriteOutcome[]> {
  const states = await lockStoredStates(sql, writes);
  const versions: VersionRow[] = [];
  const outcomes = writes.map((write) => applyWrite(write, states, versions, now));

  if (versions.length === 0) {
    return outcomes;
  }
  await saveVersions(sql, versions, states);
  await reindexChanged(sql, versions, states);
  return outcomes;
}

function keyOf(resourceType: string, id: string): string {
  return `${resourceType}/${id}`;
}

async function lockStoredStates(sql: SqlClient, writes: ResourceWrite[]): Promise<Map<string, StoredState>> {
  const types: string[] = [];
  const ids: string[] = [];
  for (const write of writes) {
    const { resourceType, id } = write.kind === "put" ? { resourceType: write.resource.resourceType, id: write.resource.id ?? "" } : write;
    types.push(resourceType);
    ids.push(id);
  }

  const rows = await sql.query<{ resource_type: string; id: string; version_id: number; content_hash: string; deleted: boolean }>(
    `SELECT resource_type, id, version_id, content_hash, deleted FROM resource
     WHERE (resource_type, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
     FOR UPDATE`,
    [types, ids],
  );
  return new Map(
    rows.map((row) => [keyOf(row.resource_type, row.id), { versionId: row.version_id, hash: row.content_hash, deleted: row.deleted, isNew: false }]),
  );
}

function applyWrite(write: ResourceWrite, states: Map<string, StoredState>, versions: VersionRow[], now: Date): WriteOutcome {
  const resourceType = write.kind === "put" ? write.resource.resourceType : write.resourceType;
  const id = write.kind === "put" ? write.resource.id : write.id;
  if (!id) {
    throw new FhirError("invalid", [{ diagnostics: `${resourceType} has no id; give it one before storing it.`, expression: `${resourceType}.id` }]);
  }

  const key = keyOf(resourceType, id);
  const state = states.get(key);
  assertVersionMatches(key, state, write.ifMatch);

  if (write.kind === "delete") {
    if (!state || state.deleted) {
      return { kind: "absent", resourceType, id, versionId: state ? String(state.versionId) : undefined };
    }
    const versionId = state.versionId + 1;
    versions.push({ resource_type: resourceType, id, version_id: versionId, last_updated: now.toISOString(), deleted: true, content_hash: "", content: null });
    states.set(key, { versionId, hash: "", deleted: true, isNew: state.isNew });
    return { kind: "deleted", resourceType, id, versionId: String(versionId) };
  }

  const hash = contentHash(write.resource);
  if (state && !state.deleted && state.hash === hash) {
    return { kind: "unchanged", resourceType, id, versionId: String(state.versionId) };
  }

  const versionId = (state?.versionId ?? 0) + 1;
  const resource = { ...write.resource, meta: { ...write.resource.meta, versionId: String(versionId), lastUpdated: now.toISOString() } } as FhirResource;
  versions.push({ resource_type: resourceType, id, version_id: versionId, last_updated: now.toISOString(), deleted: false, content_hash: hash, content: resource });
  states.set(key, { versionId, hash, deleted: false, isNew: state?.isNew ?? true });
  return { kind: !state || state.deleted ? "created" : "updated", resourceType, id, versionId: String(versionId), resource };
}

function assertVersionMatches(key: string, state: StoredState | undefined, ifMatch: string | undefined): void {
  if (ifMatch === undefined) return;
  const stored = state ? String(state.versionId) : undefined;
  if (stored !== ifMatch) {
    throw new FhirError(
      "conflict",
      `${key} is at version ${stored ?? "(none)"}, not ${ifMatch}; read it again, reapply your change and retry.`,
    );
  }
}

/**
 * Writes the batch's versions and current rows with one statement over one JSON parameter. Only
 * resource_version stores the resource body; the resource row points at its current version.
 */
async function saveVersions(sql: SqlClient, versions: VersionRow[], states: Map<string, StoredState>): Promise<void> {
  const latest = new Set(latestVersions(versions));
  const rows = versions.map((row) => ({ ...row, current: latest.has(row) ? (states.get(keyOf(row.resource_type, row.id))?.isNew ? "insert" : "update") : "none" }));
  const inserts = rows.filter((row) => row.current === "insert").length;

  const inserted = await sql.execute(
    `WITH t AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS t(resource_type text, id text, version_id int, last_updated timestamptz, deleted boolean, content_hash text, content jsonb, current text)
     ),
     saved_versions AS (
       INSERT INTO resource_version (resource_type, id, version_id, last_updated, deleted, content)
       SELECT resource_type, id, version_id, last_updated, deleted, content FROM t
     ),
     updated AS (
       UPDATE resource AS r
       SET version_id = t.version_id, last_updated = t.last_updated, deleted = t.deleted, content_hash = t.content_hash
       FROM t WHERE t.current = 'update' AND r.resource_type = t.resource_type AND r.id = t.id
     )
     INSERT INTO resource (resource_type, id, version_id, last_updated, deleted, content_hash)
     SELECT resource_type, id, version_id, last_updated, deleted, content_hash FROM t WHERE t.current = 'insert'
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
  if (inserted !== inserts) {
    throw new FhirError("conflict", "Another request created one of these resources at the same moment; retry the request.");
  }
}

/** The last version row of each resource in the batch. */
function latestVersions(versions: VersionRow[]): VersionRow[] {
  const latest = new Map<string, VersionRow>();
  for (const row of versions) {
    latest.set(keyOf(row.resource_type, row.id), row);
  }
  return [...latest.values()];
}

/**
 * Replaces the index rows of every changed resource. Old rows are deleted only for resources
 * that were in the resource table before this batch, because a new one has none.
 */
async function reindexChanged(sql: SqlClient, versions: VersionRow[], states: Map<string, StoredState>): Promise<void> {
  const latest = latestVersions(versions);
  const stale = latest
    .filter((row) => !states.get(keyOf(row.resource_type, row.id))?.isNew)
    .map((row) => ({ resourceType: row.resource_type, id: row.id }));
  const current = latest.flatMap((row) => (row.content ? [row.content] : []));
  await replaceSearchIndex(sql, stale, current);
}
