import { randomUUID } from "node:crypto";

import type { Bundle, FhirResource } from "fhir/r4";

import type { Database } from "../../db/database";
import { assertValidResource } from "../assert-valid-resource";
import { FhirError } from "../fhir-error";
import type { ResourceOf, ResourceType } from "../resource-of";
import type { ResourceWrite, WriteOutcome } from "./resource-write";
import { writeNewResource, writeResources } from "./write-resources";

interface ContentRow {
  content: FhirResource | null;
  deleted: boolean;
  version_id: number;
  last_updated: Date;
}

/**
 * The versioned FHIR resource store over PostgreSQL or PGlite. Every write is a new version;
 * reads see the current one. No dependency on Next: the REST layer and the CLIs share it.
 */
export class FhirStore {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Stores a new resource under a fresh id, ignoring any id it carries. */
  async create<T extends FhirResource>(resource: T): Promise<T> {
    assertValidResource(resource);
    const outcome = await writeNewResource(this.db.sql, { ...resource, id: randomUUID() }, this.clock());
    return outcome.resource as T;
  }

  /**
   * Stores a resource under its own id, creating it when absent. With `ifMatch` the write fails
   * with a conflict unless the stored versionId equals it, so a concurrent edit is never lost.
   */
  async update<T extends FhirResource>(resource: T, options: { ifMatch?: string } = {}): Promise<{ resource: T; outcome: WriteOutcome["kind"] }> {
    assertValidResource(resource);
    const outcome = await this.writeOne({ kind: "put", resource, ifMatch: options.ifMatch });
    const stored = outcome.resource ?? (await this.read(resource.resourceType, outcome.id));
    return { resource: stored as T, outcome: outcome.kind };
  }

  /** Records a tombstone version; deleting an absent or deleted resource changes nothing. */
  async remove(resourceType: ResourceType, id: string, options: { ifMatch?: string } = {}): Promise<WriteOutcome> {
    return this.writeOne({ kind: "delete", resourceType, id, ifMatch: options.ifMatch });
  }

  /** Applies many writes in one transaction: all of them or, when one fails, none. */
  async writeAll(writes: ResourceWrite[]): Promise<WriteOutcome[]> {
    if (writes.length === 0) return [];
    return this.db.transaction((sql) => writeResources(sql, writes, this.clock()));
  }

  /** Reads the current version; throws not-found for an unknown id and gone for a deleted one. */
  async read<K extends ResourceType>(resourceType: K, id: string): Promise<ResourceOf<K>> {
    const rows = await this.db.sql.query<ContentRow>(
      `SELECT v.content, r.deleted, r.version_id, r.last_updated FROM resource r
       JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
       WHERE r.resource_type = $1 AND r.id = $2`,
      [resourceType, id],
    );
    return contentOrThrow(rows[0], `${resourceType}/${id}`) as ResourceOf<K>;
  }

  /** Reads one version, current or past. */
  async readVersion<K extends ResourceType>(resourceType: K, id: string, versionId: string): Promise<ResourceOf<K>> {
    const version = Number(versionId);
    if (!Number.isInteger(version) || version < 1) {
      throw new FhirError("invalid", `Version id "${versionId}" is not a positive whole number; use the meta.versionId of a stored version.`);
    }
    const rows = await this.db.sql.query<ContentRow>(
      "SELECT content, deleted, version_id, last_updated FROM resource_version WHERE resource_type = $1 AND id = $2 AND version_id = $3",
      [resourceType, id, version],
    );
    return contentOrThrow(rows[0], `${resourceType}/${id}/_history/${versionId}`) as ResourceOf<K>;
  }

  /** Returns every version of a resource, newest first, as a FHIR history Bundle. */
  async history(resourceType: ResourceType, id: string): Promise<Bundle> {
    const rows = await this.db.sql.query<ContentRow>(
      "SELECT content, deleted, version_id, last_updated FROM resource_version WHERE resource_type = $1 AND id = $2 ORDER BY version_id DESC",
      [resourceType, id],
    );
    if (rows.length === 0) {
      throw new FhirError("not-found", `${resourceType}/${id} has never been stored; check the type and id.`);
    }
    return {
      resourceType: "Bundle",
      type: "history",
      total: rows.length,
      entry: rows.map((row) => historyEntry(resourceType, id, row)),
    };
  }

  /**
   * Lists the current, undeleted resources of one type in a patient's compartment: one indexed
   * lookup on resource_compartment, then one primary-key lookup per resource.
   */
  async listInPatientCompartment<K extends ResourceType>(patientId: string, resourceType: K): Promise<ResourceOf<K>[]> {
    const rows = await this.db.sql.query<{ content: ResourceOf<K> }>(
      `SELECT v.content FROM resource_compartment c
       JOIN resource r ON r.resource_type = c.resource_type AND r.id = c.resource_id
       JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
       WHERE c.compartment_type = 'Patient' AND c.compartment_id = $1 AND c.resource_type = $2 AND NOT r.deleted`,
      [patientId, resourceType],
    );
    return rows.map((row) => row.content);
  }

  /** Lists every current, undeleted resource of one type, ordered by id. */
  async listAll<K extends ResourceType>(resourceType: K): Promise<ResourceOf<K>[]> {
    const rows = await this.db.sql.query<{ content: ResourceOf<K> }>(
      `SELECT v.content FROM resource r
       JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
       WHERE r.resource_type = $1 AND NOT r.deleted
       ORDER BY r.id`,
      [resourceType],
    );
    return rows.map((row) => row.content);
  }

  /** Returns the ids of current resources whose token parameter matches system and code. */
  async findIdsByToken(resourceType: ResourceType, param: string, system: string | undefined, code: string): Promise<string[]> {
    const rows = await this.db.sql.query<{ resource_id: string }>(
      `SELECT DISTINCT t.resource_id FROM search_token t
       JOIN resource r ON r.resource_type = t.resource_type AND r.id = t.resource_id AND NOT r.deleted
       WHERE t.resource_type = $1 AND t.param = $2 AND t.code = $3 AND ($4::text IS NULL OR t.system = $4::text)
       ORDER BY t.resource_id`,
      [resourceType, param, code, system ?? null],
    );
    return rows.map((row) => row.resource_id);
  }

  private async writeOne(write: ResourceWrite): Promise<WriteOutcome> {
    const [outcome] = await this.writeAll([write]);
    if (!outcome) {
      throw new FhirError("internal", "The store returned no outcome for a write.");
    }
    return outcome;
  }
}

function contentOrThrow(row: ContentRow | undefined, reference: string): FhirResource {
  if (!row) {
    throw new FhirError("not-found", `${reference} is not stored; check the type and id.`);
  }
  if (row.deleted || !row.content) {
    throw new FhirError("gone", `${reference} was deleted at version ${row.version_id}; its earlier versions are in its history.`);
  }
  return row.content;
}

function historyEntry(resourceType: string, id: string, row: ContentRow): NonNullable<Bundle["entry"]>[number] {
  const fullUrl = `${resourceType}/${id}/_history/${row.version_id}`;
  const lastModified = new Date(row.last_updated).toISOString();
  if (row.deleted || !row.content) {
    return { fullUrl, request: { method: "DELETE", url: `${resourceType}/${id}` }, response: { status: "410 Gone", lastModified } };
  }
  const method = row.version_id === 1 ? "POST" : "PUT";
  return {
    fullUrl,
    resource: row.content,
    request: { method, url: method === "POST" ? resourceType : `${resourceType}/${id}` },
    response: { status: method === "POST" ? "201 Created" : "200 OK", etag: `W/"${row.version_id}"`, lastModified },
  };
}
