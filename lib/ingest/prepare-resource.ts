import type { FhirResource } from "fhir/r4";

import type { FhirErrorIssue } from "../fhir/fhir-error";
import type { ConditionalMatcher } from "./conditional-matcher";
import type { PendingResources } from "./pending-resources";
import { resolveConditionalReferences } from "./resolve-conditional-references";
import type { ResourceCandidate } from "./resource-candidate";
import { rewriteReferences } from "./rewrite-references";
import { validateCandidate } from "./validate-candidate";
import type { ImportValidation } from "./validation-summary";

/** The targets a file's references resolve against: its fullUrls, the matcher, and the file's own resources. */
export interface ReferenceScope {
  fullUrls: ReadonlyMap<string, string>;
  matcher: ConditionalMatcher;
  local: PendingResources;
  /** Profile validation of the import; absent checks base R4 only. */
  validation?: ImportValidation;
}

/**
 * Makes a candidate ready to store: rewrites bundle-local and conditional references in place,
 * then validates it. Returns the resource, or every issue found (reference issues and
 * validation issues together, so one run reports all of them).
 */
export async function prepareResource(candidate: ResourceCandidate, scope: ReferenceScope): Promise<{ resource: FhirResource } | { issues: FhirErrorIssue[] }> {
  const rewritten = rewriteReferences(candidate, scope.fullUrls);
  const referenceIssues = [
    ...rewritten.issues,
    ...(rewritten.conditional.length > 0 ? await resolveConditionalReferences(rewritten.conditional, scope.matcher, scope.local) : []),
  ];

  const validated = validateCandidate(candidate, scope.validation);
  if ("issues" in validated) {
    return { issues: [...referenceIssues, ...validated.issues] };
  }
  return referenceIssues.length > 0 ? { issues: referenceIssues } : validated;
}
