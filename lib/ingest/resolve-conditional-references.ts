import type { FhirErrorIssue } from "../fhir/fhir-error";
import type { ConditionalMatcher } from "./conditional-matcher";
import { describeIdentifierQuery, parseIdentifierQuery } from "./parse-identifier-query";
import type { PendingResources } from "./pending-resources";
import type { ConditionalReference } from "./rewrite-references";

/**
 * Resolves conditional references (`Practitioner?identifier=system|value`) and rewrites each to
 * `Type/id` in place. Exactly one match is required: none or several become an issue, because a
 * guess would link the data to the wrong provider.
 */
export async function resolveConditionalReferences(
  references: readonly ConditionalReference[],
  matcher: ConditionalMatcher,
  local: PendingResources,
): Promise<FhirErrorIssue[]> {
  const issues: FhirErrorIssue[] = [];
  for (const reference of references) {
    const issue = await resolveOne(reference, matcher, local);
    if (issue) issues.push(issue);
  }
  return issues;
}

async function resolveOne(reference: ConditionalReference, matcher: ConditionalMatcher, local: PendingResources): Promise<FhirErrorIssue | undefined> {
  const query = parseIdentifierQuery(reference.resourceType, reference.query);
  if (typeof query === "string") {
    return { diagnostics: `Conditional reference ${query}.`, expression: reference.expression };
  }

  const ids = await matcher.match(query, local);
  if (ids.length === 1) {
    reference.holder.reference = `${query.resourceType}/${ids[0]}`;
    return undefined;
  }
  const found = ids.length === 0 ? `matches no ${query.resourceType}` : `matches ${ids.length} ${query.resourceType} resources (${ids.join(", ")})`;
  return {
    diagnostics: `Conditional reference ${describeIdentifierQuery(query)} ${found}; it must match exactly one. Import the file that holds the ${query.resourceType} first, or fix the identifier.`,
    expression: reference.expression,
  };
}
