import type { FhirResource } from "fhir/r4";

import { FhirError } from "../fhir-error";
import { deleteIndexRows, indexInsertClauses, replaceSearchIndex } from "./replace-search-index";
import { copiesVersions, saveVersions, type VersionRow } from "./save-versions";
import { precomputeWrite } from "./precompute-write";
import type { ResourceWrite, WriteOutcome } from "./resource-write";
import type { SqlClient } from "../../db/sql-client";

interface StoredState {
  versionId: number;
  hash: string;
  deleted: boolean;
  /** True while the row is only in this batch, not yet in the resource table. */
  isNew: boolean;
}

/**
 * Applies a batch of writes in the caller's transaction: new versions in resource_version, the
 * current one in resource, and the search index of every changed resource. A put whose content
 * equals the stored version writes nothing. Writes to one id apply in order. A failed `ifMatch`
 * throws a conflict, and the caller's transaction is expected to roll the batch back.
 */
export async function writeResources(sql: SqlClient, writes: ResourceWrite[], now: Date): Promise<WriteOutcome[]> {
  return applyWrites(sql, writes, await lockStoredStates(sql, writes), now);
}

/**
 * Stores one resource under an id never used before, such as a fresh UUID: there is no stored row
 * to lock, and one statement writes its version, resource row and index rows, so it needs no
 * transaction. An id that was used after all fails on the primary key, as a conflict.
 */
export async function writeNewResource(sql: SqlClient, resource: FhirResource, now: Date): Promise<WriteOutcome> {
  const [outcome] = await applyWrites(sql, [{ kind: "put", resource }], new Map(), now);
  return outcome as WriteOutcome;
}

async function applyWrites(sql: SqlClient, writes: ResourceWrite[], states: Map<string, StoredState>, now: Date): Promise<WriteOutcome[]> {
  const versions: VersionRow[] = [];
  const outcomes = writes.map((write) => applyWrite(write, states, versions, now));

  if (versions.length === 0) {
    return outcomes;
  }
  const latest = markLatest(versions).filter((row) => row.isLatest);
  // Old rows are deleted only for resources that were in the resource table before this batch, because a new one has none.
  const stale = latest.filter((row) => !row.isNew).map((row) => ({ resourceType: row.resourceType, id: row.id }));
  const current = latest.flatMap((row) => (row.indexed ? [row.indexed] : []));
  if (copiesVersions(sql, versions)) {
    await saveVersions(sql, versions);
    await replaceSearchIndex(sql, stale, current);
  } else {
    // A small batch inserts its index rows in the statement that saves its versions.
    await deleteIndexRows(sql, stale);
    await saveVersions(sql, versions, indexInsertClauses(current, 3));
  }
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
    versions.push({ resourceType, id, versionId, lastUpdated: now.toISOString(), deleted: true, contentHash: "", isNew: state.isNew });
    states.set(key, { versionId, hash: "", deleted: true, isNew: state.isNew });
    return { kind: "deleted", resourceType, id, versionId: String(versionId) };
  }

  const precomputed = write.precomputed ?? precomputeWrite(write.resource);
  const hash = precomputed.serialized.hash;
  if (state && !state.deleted && state.hash === hash) {
    return { kind: "unchanged", resourceType, id, versionId: String(state.versionId) };
  }

  const versionId = (state?.versionId ?? 0) + 1;
  const lastUpdated = now.toISOString();
  const resource = { ...write.resource, meta: { ...write.resource.meta, versionId: String(versionId), lastUpdated } } as FhirResource;
  versions.push({ resourceType, id, versionId, lastUpdated, deleted: false, contentHash: hash, isNew: state?.isNew ?? true, resource, serialized: precomputed.serialized, indexed: { resource: write.resource, rows: precomputed.indexRows, copyText: precomputed.indexCopyText } });
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

/** Marks the last version row of each resource in the batch, the one the resource row points to. */
function markLatest(versions: VersionRow[]): VersionRow[] {
  const latest = new Map<string, VersionRow>();
  for (const row of versions) {
    latest.set(keyOf(row.resourceType, row.id), row);
  }
  for (const row of latest.values()) row.isLatest = true;
  return versions;
}
