import type { FhirError } from "../fhir-error";

/**
 * A failed precondition of a write: a stale If-Match, or conditional criteria that match more
 * than one resource. handleFhirRequest returns it as HTTP 412 with the wrapped error's OperationOutcome.
 */
export class PreconditionFailedError extends Error {
  constructor(readonly conflict: FhirError) {
    super(conflict.message);
    this.name = "PreconditionFailedError";
  }
}
