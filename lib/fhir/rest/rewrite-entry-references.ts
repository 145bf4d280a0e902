import type { FhirResource } from "fhir/r4";

import { rewriteReferences } from "../../ingest/rewrite-references";
import type { ResourceCandidate } from "../../ingest/resource-candidate";
import { FhirError } from "../fhir-error";
import type { BundleEntryRequest } from "./bundle-entry-request";
import type { FhirContext } from "./fhir-request";
import { findConditionalMatch } from "./find-conditional-match";

/**
 * Returns a copy of a transaction entry's resource whose references to other entries' fullUrls
 * (`urn:uuid:…` or absolute) point at their `Type/id`, and whose conditional references
 * (`Patient?identifier=…`) point at their one match. A `urn:uuid:` reference to no entry, or a
 * conditional reference that matches nothing, is an `invalid` error.
 */
export async function rewriteEntryReferences(entry: BundleEntryRequest, fullUrls: ReadonlyMap<string, string>, context: FhirContext): Promise<FhirResource> {
  const copy = structuredClone(entry.resource) as unknown as ResourceCandidate;
  const { issues, conditional } = rewriteReferences(copy, fullUrls);
  if (issues.length > 0) {
    throw new FhirError("invalid", issues.map((issue) => ({ ...issue, diagnostics: issue.diagnostics.replace("in this file", "in this Bundle") })));
  }

  for (const reference of conditional) {
    const match = await findConditionalMatch(reference.resourceType, reference.query, context);
    if (!match) {
      throw new FhirError("invalid", [{ diagnostics: `The conditional reference ${reference.resourceType}?${reference.query} matches no resource; create it first or fix the criteria.`, expression: reference.expression }]);
    }
    reference.holder.reference = `${reference.resourceType}/${match.resource.id ?? ""}`;
  }
  return copy as unknown as FhirResource;
}
