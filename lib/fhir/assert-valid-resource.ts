import type { Resource } from "fhir/r4";
import { collectValidationIssues } from "./collect-validation-issues";
import { FhirError } from "./fhir-error";

/**
 * Asserts that a parsed JSON value is a structurally valid R4 resource (see collectValidationIssues
 * for what is checked). Throws FhirError "invalid" with one issue per problem, each naming the
 * element as a FHIRPath expression, the value, what R4 expects and the fix.
 */
export function assertValidResource(value: unknown): asserts value is Resource {
  const issues = collectValidationIssues(value);
  if (issues.length > 0) {
    throw new FhirError("invalid", issues);
  }
}
