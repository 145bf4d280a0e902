import { createHash } from "node:crypto";

import type { ResourceCandidate } from "./resource-candidate";

// FHIR R4 id datatype: https://hl7.org/fhir/R4/datatypes.html#id
const fhirId = /^[A-Za-z0-9\-.]{1,64}$/;
const uuidUrn = /^urn:uuid:(.+)$/i;

/** Tells whether a value is a valid FHIR id: 1 to 64 letters, digits, "-" or ".". */
export function isFhirId(value: unknown): value is string {
  return typeof value === "string" && fhirId.test(value);
}

/**
 * Chooses the id to store a created resource under so that importing the same input again finds
 * it: the X of a `urn:uuid:X` fullUrl when X is a valid id, else the resource's own id, else an
 * id derived from the SHA-256 of the resource JSON (so only unchanged content maps to the same id).
 */
export function chooseCreateId(fullUrl: string | undefined, resource: ResourceCandidate): string {
  const fromFullUrl = fullUrl ? uuidUrn.exec(fullUrl)?.[1] : undefined;
  if (isFhirId(fromFullUrl)) return fromFullUrl;
  if (isFhirId(resource.id)) return resource.id;
  return idFromContent(resource);
}

/**
 * Chooses the id for a resource stored as it is (collection entries, NDJSON lines, single files):
 * its own id when it has one, else as for a create. An id that is present but invalid is kept,
 * so validation reports it.
 */
export function chooseStoredId(fullUrl: string | undefined, resource: ResourceCandidate): string {
  if (typeof resource.id === "string") return resource.id;
  return chooseCreateId(fullUrl, resource);
}

function idFromContent(resource: ResourceCandidate): string {
  const hex = createHash("sha256").update(JSON.stringify(resource)).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
