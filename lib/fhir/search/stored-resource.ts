import type { FhirResource } from "fhir/r4";

/** A current resource as a search or read returns it, with the store's version data. */
export interface StoredResource {
  /** The resource; when the query selected its JSON as text, parsed from it on first use. */
  readonly resource: FhirResource;
  versionId: number;
  lastUpdated: Date;
  /** The stored JSON, when the query selected it as text, so a response can carry it as it is. */
  json?: string;
  /** "Type/id", when the query selected them, so a response can name the resource without parsing it. */
  reference?: string;
  /** The patients whose compartment contains the resource, when the query selected them. */
  patientIds?: readonly string[];
}

/** The columns a query selects to build a StoredResource: the content parsed, or as text in `content_json`. */
export interface StoredResourceRow {
  content?: FhirResource;
  content_json?: string;
  resource_type?: string;
  id?: string;
  patient_ids?: string[];
  version_id: number;
  last_updated: Date | string;
}

/**
 * The columns that make a StoredResource carry its JSON as text, its reference and its patients.
 * `r` and `v` are the query's aliases of resource and resource_version.
 */
export const STORED_JSON_COLUMNS = `v.content::text AS content_json, r.resource_type, r.id,
  ARRAY(SELECT c.compartment_id FROM resource_compartment c
        WHERE c.resource_type = r.resource_type AND c.resource_id = r.id AND c.compartment_type = 'Patient') AS patient_ids`;

export function toStoredResource(row: StoredResourceRow): StoredResource {
  const versionId = row.version_id;
  const lastUpdated = new Date(row.last_updated);
  const json = row.content_json;
  if (json === undefined) {
    if (row.content === undefined) throw new Error("A stored resource row needs content or content_json; select one of them.");
    return { resource: row.content, versionId, lastUpdated };
  }

  let parsed: FhirResource | undefined;
  const reference = row.resource_type === undefined || row.id === undefined ? undefined : `${row.resource_type}/${row.id}`;
  return {
    get resource(): FhirResource {
      parsed ??= JSON.parse(json) as FhirResource;
      return parsed;
    },
    versionId,
    lastUpdated,
    json,
    ...(reference === undefined ? {} : { reference }),
    ...(row.patient_ids === undefined ? {} : { patientIds: row.patient_ids }),
  };
}

/**
 * Returns "Type/id" of a stored resource, from the row when the query selected it, so that the
 * resource need not be parsed.
 */
export function referenceOf(stored: StoredResource): string {
  return stored.reference ?? `${stored.resource.resourceType}/${stored.resource.id ?? ""}`;
}

/**
 * Returns the type and id of a stored resource, from the row when the query selected them, so
 * that the resource need not be parsed.
 */
export function typeAndIdOf(stored: StoredResource): { resourceType: string; id: string } {
  // Resource types have no slash, so the first one separates type and id.
  const slash = stored.reference?.indexOf("/") ?? -1;
  if (stored.reference !== undefined && slash > 0) {
    return { resourceType: stored.reference.slice(0, slash), id: stored.reference.slice(slash + 1) };
  }
  return { resourceType: stored.resource.resourceType, id: stored.resource.id ?? "" };
}
