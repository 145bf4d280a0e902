import { FhirError } from "../fhir-error";

/** Parses a `_since` instant; undefined when the parameter is absent. */
export function parseSince(value: string | null): Date | undefined {
  if (value === null) return undefined;
  const since = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(since.getTime())) {
    throw new FhirError("invalid", `_since "${value}" is not an instant; use a full date and time with an offset, such as 2026-01-01T00:00:00Z.`);
  }
  return since;
}
