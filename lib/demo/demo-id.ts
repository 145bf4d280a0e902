/**
 * Builds a resource id such as `demo-pat-0001` or `demo-eob-0001-0012`. Numbers are zero-padded to
 * four digits, so ids up to 9999 sort in creation order. The result matches the FHIR id pattern
 * [A-Za-z0-9\-.]{1,64} as long as text parts use only letters, digits and hyphens.
 */
export function demoId(kind: string, ...parts: readonly (number | string)[]): string {
  const suffix = parts.map((part) => (typeof part === "number" ? String(part).padStart(4, "0") : part));
  return ["demo", kind, ...suffix].join("-");
}
