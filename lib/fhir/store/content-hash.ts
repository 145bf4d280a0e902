import { createHash } from "node:crypto";

import type { FhirResource } from "fhir/r4";

/**
 * Hashes a resource without the parts the store writes itself (meta.versionId and
 * meta.lastUpdated), so writing the same content again is recognised and creates no version.
 * Key order counts: the same input file always hashes the same, a reordered copy does not.
 */
export function contentHash(resource: FhirResource): string {
  const { meta, ...rest } = resource;
  const keptMeta = { ...meta };
  delete keptMeta.versionId;
  delete keptMeta.lastUpdated;
  const hashed = Object.keys(keptMeta).length > 0 ? { ...rest, meta: keptMeta } : rest;
  return createHash("sha256").update(JSON.stringify(hashed)).digest("hex");
}
