import type { Reference } from "fhir/r4";

import { parseReference } from "../fhir/parse-reference";

/** The resource a relative literal reference points at. */
export interface ReferenceTarget {
  resourceType: string;
  id: string;
}

/**
 * Returns the target of a relative reference ("Practitioner/123"), or null for a missing,
 * contained ("#coverage"), absolute or `urn:uuid:` reference, whose target the store cannot read.
 */
export function toReferenceTarget(reference: Reference | undefined): ReferenceTarget | null {
  if (!reference?.reference) {
    return null;
  }
  const parsed = parseReference(reference.reference);
  return parsed.targetType ? { resourceType: parsed.targetType, id: parsed.targetId } : null;
}

/** "Type/id", the key of the names map that mappers receive. */
export function referenceKey(target: ReferenceTarget): string {
  return `${target.resourceType}/${target.id}`;
}

/** Tells whether a reference points at the given resource. */
export function isReferenceTo(reference: Reference | undefined, resourceType: string, id: string): boolean {
  const target = toReferenceTarget(reference);
  return target?.resourceType === resourceType && target.id === id;
}
