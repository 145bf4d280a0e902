import { randomUUID } from "node:crypto";

import type { OperationOutcome, OperationOutcomeIssue } from "fhir/r4";

import { logger } from "../../log/logger";
import { toErrorFields } from "../../log/to-error-fields";
import { FhirError } from "../fhir-error";
import type { FhirResponse } from "./fhir-request";
import { PreconditionFailedError } from "./precondition-failed-error";

/**
 * Turns a thrown error into its HTTP response. An unexpected error is logged with a reference id,
 * and the response shows only that id.
 */
export function errorResponse(error: unknown): FhirResponse {
  if (error instanceof PreconditionFailedError) {
    return { status: 412, headers: {}, body: error.conflict.toOperationOutcome() };
  }
  if (error instanceof FhirError) {
    return { status: error.status, headers: {}, body: error.toOperationOutcome() };
  }
  const referenceId = randomUUID();
  logger.error({ referenceId, ...toErrorFields(error) }, "FHIR request failed");
  return outcomeResponse(500, "exception", `The server failed to process the request; report reference ${referenceId} to the portal team.`);
}

/** Builds a response whose body is an OperationOutcome with one error issue. */
export function outcomeResponse(status: number, code: OperationOutcomeIssue["code"], diagnostics: string): FhirResponse {
  const body: OperationOutcome = { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
  return { status, headers: {}, body };
}
