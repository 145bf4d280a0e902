import type { ReferenceRow } from "./index-rows";

/** Target of a reference: type and id for a relative one, the whole string in `url` otherwise. */
export type ReferenceTarget = Omit<ReferenceRow, "param">;

/**
 * A relative literal reference, "Type/id" with an optional "/_history/version", as R4 defines
 * it. The pattern has no backslashes so that a FHIRPath `matches()` can use it unchanged.
 */
export const RELATIVE_REFERENCE_PATTERN = "^([A-Z][A-Za-z]+)/([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$";
const RELATIVE_REFERENCE = new RegExp(RELATIVE_REFERENCE_PATTERN);

/**
 * Splits a reference string. "Patient/123" and "Patient/123/_history/2" give type Patient and id
 * 123. An absolute URL, a urn or a "#contained" reference is kept whole in `url`.
 */
export function parseReference(reference: string): ReferenceTarget {
  const match = RELATIVE_REFERENCE.exec(reference);
  if (match?.[1] && match[2]) {
    return { targetType: match[1], targetId: match[2], url: "" };
  }
  return { targetType: "", targetId: "", url: reference };
}
