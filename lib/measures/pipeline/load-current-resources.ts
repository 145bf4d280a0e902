import type { FhirResource } from "fhir/r4";

import type { SqlClient } from "@/lib/db/sql-client";
import type { ResourceOf, ResourceType } from "@/lib/fhir/resource-of";

/** Loads the current, undeleted resources of one type with the given ids, keyed by id; absent ids are left out. */
export async function loadCurrentResources<K extends ResourceType>(sql: SqlClient, resourceType: K, ids: readonly string[]): Promise<Map<string, ResourceOf<K>>> {
  if (ids.length === 0) return new Map();

  const rows = await sql.query<{ content: FhirResource }>(
    `SELECT v.content FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE r.resource_type = $1 AND r.id = ANY($2::text[]) AND NOT r.deleted`,
    [resourceType, ids],
  );
  return new Map(rows.map((row) => [row.content.id ?? "", row.content as ResourceOf<K>]));
}
