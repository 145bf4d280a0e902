import { isFhirError } from "@/lib/fhir/fhir-error";

/** Names the kind of a caught error for the log: the FhirError code, else the error's class name. */
export function errorKindOf(error: unknown): string {
  if (isFhirError(error)) return error.code;
  return error instanceof Error ? error.name : typeof error;
}
