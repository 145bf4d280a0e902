import type { FhirResource } from "fhir/r4";

/** A current resource as a search or read returns it, with the store's version data. */
export interface StoredResource {
  resource: FhirResource;
  versionId: number;
  lastUpdated: Date;
}

/** The columns a query selects to build a StoredResource. */
export interface StoredResourceRow {
  content: FhirResource;
  version_id: number;
  last_updated: Date | string;
}

export function toStoredResource(row: StoredResourceRow): StoredResource {
  return { resource: row.content, versionId: row.version_id, lastUpdated: new Date(row.last_updated) };
}
