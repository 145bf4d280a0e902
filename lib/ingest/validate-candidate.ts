import type { FhirResource } from "fhir/r4";

import { assertValidResource } from "../fhir/assert-valid-resource";
import { isFhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import { validateAgainstProfiles } from "../fhir/validation/validate-against-profiles";
import type { ResourceCandidate } from "./resource-candidate";
import { countFinding, type ImportValidation } from "./validation-summary";

/**
 * Validates a candidate as an R4 resource and, when `validation` has a catalog, against its
 * declared and default profiles. Returns the resource on success, else every error found. Warnings
 * and information of a kept resource go into `validation.summary`.
 */
export function validateCandidate(candidate: ResourceCandidate, validation?: ImportValidation): { resource: FhirResource } | { issues: FhirErrorIssue[] } {
  if (validation?.catalog !== undefined) {
    return validateWithProfiles(candidate, validation);
  }
  try {
    assertValidResource(candidate);
    // The validator accepts only the R4 resource types, so the value is one of FhirResource's members.
    return { resource: candidate as unknown as FhirResource };
  } catch (error) {
    if (isFhirError(error, "invalid")) {
      return { issues: error.issues };
    }
    throw error;
  }
}

function validateWithProfiles(candidate: ResourceCandidate, validation: ImportValidation): { resource: FhirResource } | { issues: FhirErrorIssue[] } {
  const report = validateAgainstProfiles(candidate, { catalog: validation.catalog });
  const errors = report.issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0) {
    return { issues: errors.map(({ diagnostics, expression }) => (expression === undefined ? { diagnostics } : { diagnostics, expression })) };
  }

  for (const issue of report.issues) countFinding(validation.summary, issue);
  // Base R4 validation passed, so the value is one of FhirResource's members.
  return { resource: candidate as unknown as FhirResource };
}
