import type { FhirResource } from "fhir/r4";

import { assertValidResource } from "../fhir/assert-valid-resource";
import { isFhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import type { ResourceCandidate } from "./resource-candidate";

/** Validates a candidate as an R4 resource: the resource on success, else every issue found. */
export function validateCandidate(candidate: ResourceCandidate): { resource: FhirResource } | { issues: FhirErrorIssue[] } {
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
