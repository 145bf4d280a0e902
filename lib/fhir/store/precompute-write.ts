import type { FhirResource } from "fhir/r4";

import { listIndexRows, toIndexCopyText, type IndexCopyText, type IndexTableRow } from "./replace-search-index";
import { serializeResource, type SerializedResource } from "./serialize-resource";

/**
 * The parts of storing a resource that do not depend on what is stored already: its JSON and
 * content hash, and its index rows. The import computes them while the previous batch commits,
 * so that this work and PostgreSQL's run at the same time.
 */
export interface PrecomputedWrite {
  serialized: SerializedResource;
  indexRows: IndexTableRow[];
  /** The index rows in COPY's text format, for a store on PostgreSQL. */
  indexCopyText?: IndexCopyText;
}

/**
 * Computes the store's work for a resource ahead of its write, with the COPY text of its index
 * rows when `forCopy` is set. The resource must not change afterwards, because writeResources
 * stores what was computed here.
 */
export function precomputeWrite(resource: FhirResource, forCopy = false): PrecomputedWrite {
  const indexRows = listIndexRows(resource);
  return { serialized: serializeResource(resource), indexRows, indexCopyText: forCopy ? toIndexCopyText(indexRows) : undefined };
}
