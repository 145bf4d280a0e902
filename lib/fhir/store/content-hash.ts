import type { FhirResource } from "fhir/r4";

import { serializeResource } from "./serialize-resource";

/**
 * Hashes a resource without the parts the store writes itself (meta.versionId and
 * meta.lastUpdated), so writing the same content again is recognised and creates no version.
 * Key order counts: the same input file always hashes the same, a reordered copy does not.
 */
export function contentHash(resource: FhirResource): string {
  return serializeResource(resource).hash;
}
