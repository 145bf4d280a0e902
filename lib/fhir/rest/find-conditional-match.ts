import { FhirError } from "../fhir-error";
import { parseSearchRequest } from "../search/parse-search-request";
import { searchResources } from "../search/search-resources";
import type { StoredResource } from "../search/stored-resource";
import type { FhirContext } from "./fhir-request";
import { PreconditionFailedError } from "./precondition-failed-error";

/**
 * Returns the one resource a conditional create or update names, or undefined when none
 * matches. The criteria are parsed strictly, because an ignored parameter would widen the match.
 * More than one match is 412 Precondition Failed, as R4 requires.
 *
 * NOTE: the search and the write that follows are not one transaction, so two concurrent
 * conditional creates with the same criteria can both create.
 */
export async function findConditionalMatch(resourceType: string, criteria: string, context: FhirContext): Promise<StoredResource | undefined> {
  const search = parseSearchRequest(resourceType, new URLSearchParams(criteria), { baseUrl: context.baseUrl, strict: true });
  if (search.filters.length === 0) {
    throw new FhirError("invalid", `The conditional criteria "${criteria}" contain no search parameter; name at least one, such as identifier=system|value.`);
  }

  const result = await searchResources(
    context.db.sql,
    { ...search, count: 2, offset: 0, sort: [], total: "none", summary: "false", elements: undefined, includes: [], revincludes: [] },
    context.scope,
    context.now?.() ?? new Date(),
  );

  if (result.matches.length > 1) {
    throw new PreconditionFailedError(new FhirError("conflict", `The conditional criteria "${criteria}" match more than one ${resourceType}; add parameters until they match one.`));
  }
  return result.matches[0];
}
