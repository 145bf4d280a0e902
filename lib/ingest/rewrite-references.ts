import type { FhirErrorIssue } from "../fhir/fhir-error";
import type { ResourceCandidate } from "./resource-candidate";

/** A conditional reference (`Type?search`) left for the caller to resolve and patch. */
export interface ConditionalReference {
  /** The Reference element; set its `reference` to the resolved `Type/id`. */
  holder: Record<string, unknown>;
  resourceType: string;
  query: string;
  /** FHIRPath of the element, such as `Encounter.participant[0].individual.reference`. */
  expression: string;
}

/** The result of `rewriteReferences`: unresolvable references, and conditional ones left for the caller. */
export interface RewriteResult {
  issues: FhirErrorIssue[];
  conditional: ConditionalReference[];
}

const conditionalReference = /^([A-Z][A-Za-z]+)\?(.+)$/s;
const bundleLocalReference = /^urn:(uuid|oid):/i;

/**
 * Rewrites, in place, every Reference.reference in a resource (contained resources and
 * extensions included) that equals a bundle entry's fullUrl to the `Type/id` it is stored under.
 * A `urn:uuid:` or `urn:oid:` reference to no entry becomes an issue, and conditional references
 * (`Practitioner?identifier=…`) are returned for the caller to resolve.
 */
export function rewriteReferences(resource: ResourceCandidate, fullUrls: ReadonlyMap<string, string>): RewriteResult {
  const result: RewriteResult = { issues: [], conditional: [] };
  visit(resource, [resource.resourceType], fullUrls, result);
  return result;
}

function visit(node: Record<string, unknown>, path: string[], fullUrls: ReadonlyMap<string, string>, result: RewriteResult): void {
  if (typeof node.reference === "string") {
    rewriteOne(node, node.reference, path, fullUrls, result);
  }
  for (const key in node) {
    const value = node[key];
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      visitArray(value, path, key, fullUrls, result);
    } else {
      path.push(key);
      visit(value as Record<string, unknown>, path, fullUrls, result);
      path.pop();
    }
  }
}

function visitArray(items: unknown[], path: string[], key: string, fullUrls: ReadonlyMap<string, string>, result: RewriteResult): void {
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item !== "object" || item === null || Array.isArray(item)) continue;
    path.push(`${key}[${index}]`);
    visit(item as Record<string, unknown>, path, fullUrls, result);
    path.pop();
  }
}

function rewriteOne(holder: Record<string, unknown>, reference: string, path: string[], fullUrls: ReadonlyMap<string, string>, result: RewriteResult): void {
  const target = fullUrls.get(reference);
  if (target !== undefined) {
    holder.reference = target;
    return;
  }

  const expression = `${path.join(".")}.reference`;
  if (bundleLocalReference.test(reference)) {
    result.issues.push({
      diagnostics: `Reference "${reference}" matches no entry's fullUrl in this file; add that entry or use a relative reference such as Patient/123.`,
      expression,
    });
    return;
  }
  const conditional = conditionalReference.exec(reference);
  if (conditional?.[1] && conditional[2]) {
    result.conditional.push({ holder, resourceType: conditional[1], query: conditional[2], expression });
  }
}
