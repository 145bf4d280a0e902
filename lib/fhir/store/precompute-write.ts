import type { FhirResource } from "fhir/r4";

import { indexCopyTextOf, listIndexRows, type IndexCopyText, type IndexTableRow } from "./replace-search-index";
import { serializeResource, type SerializedResource } from "./serialize-resource";

/**
 * The parts of storing a resource that do not depend on what is stored already: its JSON and
 * content hash, and its index rows. The import computes them while the previous batch commits,
 * so that this work and PostgreSQL's run at the same time.
 */
export interface PrecomputedWrite {
  serialized: SerializedResource;
  /** The index rows, for a store that inserts them; absent when `indexCopyText` is set. */
  indexRows?: IndexTableRow[];
  /** The index rows in COPY's text format, for a store on PostgreSQL. */
  indexCopyText?: IndexCopyText;
}

/**
 * Computes the store's work for a resource ahead of its write: its index rows, or only their COPY
 * text when `forCopy` is set. The resource must not change afterwards, because writeResources
 * stores what was computed here. A write that inserts its rows after all (a batch below COPY's
 * threshold) lists them again from the resource.
 */
export function precomputeWrite(resource: FhirResource, forCopy = false): PrecomputedWrite {
  const serialized = serializeResource(resource);
  return forCopy ? { serialized, indexCopyText: indexCopyTextOf(resource) } : { serialized, indexRows: listIndexRows(resource) };
}

/**
 * Precomputes a write, or leaves it to the store when that fails, so that the failure surfaces
 * inside the unit's transaction and rejects that unit only.
 */
export function precomputeOrLeave(resource: FhirResource, forCopy: boolean): PrecomputedWrite | undefined {
  try {
    return precomputeWrite(resource, forCopy);
  } catch {
    // Deliberately ignored here: writeResources computes it again and rejects the unit.
    return undefined;
  }
}
