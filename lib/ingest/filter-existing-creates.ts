import type { FhirResource } from "fhir/r4";

import { contentHash } from "../fhir/store/content-hash";
import type { ResourceWrite } from "../fhir/store/resource-write";
import type { SqlClient } from "../db/sql-client";
import type { ImportUnit } from "./import-unit";

/** A write to send to the store, with the index of the unit it came from. */
export interface UnitWrite {
  unitIndex: number;
  write: ResourceWrite;
}

/** A create left out because its id is already stored: unchanged when the content is equal, else existing. */
export interface SkippedCreate {
  unitIndex: number;
  resourceType: string;
  kind: "unchanged" | "existing";
}

/**
 * Splits the writes of some units into those to send and creates to leave out. A create (POST
 * entry) is left out when a current resource already has its id, in the database or earlier in
 * these units. So the first copy of a resource that several files carry is the one kept, and a
 * repeated import writes nothing. Updates and deletes are always sent, in order.
 */
export async function filterExistingCreates(sql: SqlClient, units: readonly ImportUnit[]): Promise<{ sends: UnitWrite[]; skipped: SkippedCreate[] }> {
  const storedHashes = await listStoredHashes(sql, units);
  // Current content per key written earlier in these units; null after a delete.
  const earlier = new Map<string, FhirResource | null>();
  const sends: UnitWrite[] = [];
  const skipped: SkippedCreate[] = [];

  units.forEach((unit, unitIndex) => {
    for (const { write, createOnly } of unit.writes) {
      const key = write.kind === "put" ? keyOf(write.resource.resourceType, write.resource.id) : keyOf(write.resourceType, write.id);
      if (write.kind === "put" && createOnly) {
        const prior = earlier.has(key) ? earlier.get(key) : storedHashes.get(key);
        if (prior) {
          const hash = write.precomputed?.serialized.hash ?? contentHash(write.resource);
          skipped.push({ unitIndex, resourceType: write.resource.resourceType, kind: hashOf(prior) === hash ? "unchanged" : "existing" });
          continue;
        }
      }
      earlier.set(key, write.kind === "put" ? write.resource : null);
      sends.push({ unitIndex, write });
    }
  });
  return { sends, skipped };
}

async function listStoredHashes(sql: SqlClient, units: readonly ImportUnit[]): Promise<Map<string, string>> {
  const types: string[] = [];
  const ids: string[] = [];
  for (const unit of units) {
    for (const { write, createOnly } of unit.writes) {
      if (write.kind !== "put" || !createOnly) continue;
      types.push(write.resource.resourceType);
      ids.push(write.resource.id ?? "");
    }
  }
  if (ids.length === 0) return new Map();

  const rows = await sql.query<{ resource_type: string; id: string; content_hash: string }>(
    `SELECT resource_type, id, content_hash FROM resource
     WHERE NOT deleted AND (resource_type, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [types, ids],
  );
  return new Map(rows.map((row) => [keyOf(row.resource_type, row.id), row.content_hash]));
}

function hashOf(prior: FhirResource | string): string {
  return typeof prior === "string" ? prior : contentHash(prior);
}

function keyOf(resourceType: string, id: string | undefined): string {
  return `${resourceType}/${id ?? ""}`;
}
