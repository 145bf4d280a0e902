import type { BundleEntry, FhirResource, Identifier } from "fhir/r4";

import type { ConversionWarning } from "./conversion-warning";
import { deterministicId } from "./deterministic-id";

/**
 * The transaction entries converted from one message, built for the import's bundle planning.
 * References inside the message use urn:uuid fullUrls. Conditional creates and updates match
 * stored resources by identifier, and PUTs store under ids derived from the source identifiers.
 * Every method returns the reference to use for the resource.
 */
export class MessageEntries {
  readonly entries: BundleEntry[] = [];
  /** Invalid values the converters left out of these entries. */
  readonly warnings: ConversionWarning[] = [];

  /** Records a value left out because it is invalid; bound, so converters can take it as a WarnFunction. */
  readonly warn = (warning: ConversionWarning): void => {
    this.warnings.push(warning);
  };

  /** Stores the resource under an id derived from `key`, replacing the stored version. */
  put(resource: FhirResource, ...key: string[]): string {
    const id = deterministicId(resource.resourceType, ...key);
    resource.id = id;
    this.entries.push({ fullUrl: `urn:uuid:${id}`, resource, request: { method: "PUT", url: `${resource.resourceType}/${id}` } });
    return `urn:uuid:${id}`;
  }

  /** Creates the resource unless one with the identifier is stored, and then refers to that one. */
  createIfNoneExist(resource: FhirResource, identifier: Identifier): string {
    const fullUrl = `urn:uuid:${deterministicId(resource.resourceType, identifier.system ?? "", identifier.value ?? "")}`;
    if (this.has(fullUrl)) return fullUrl;
    this.entries.push({ fullUrl, resource, request: { method: "POST", url: resource.resourceType, ifNoneExist: identifierQuery(identifier) } });
    return fullUrl;
  }

  /** Replaces the stored resource with the identifier, or creates it when none is stored. */
  updateByIdentifier(resource: FhirResource, identifier: Identifier): string {
    const fullUrl = `urn:uuid:${deterministicId(resource.resourceType, identifier.system ?? "", identifier.value ?? "")}`;
    if (this.has(fullUrl)) return fullUrl;
    this.entries.push({ fullUrl, resource, request: { method: "PUT", url: `${resource.resourceType}?${identifierQuery(identifier)}` } });
    return fullUrl;
  }

  /** Returns the references of every resource added so far, for a Provenance's targets. */
  references(): string[] {
    return this.entries.flatMap((entry) => (entry.fullUrl ? [entry.fullUrl] : []));
  }

  private has(fullUrl: string): boolean {
    return this.entries.some((entry) => entry.fullUrl === fullUrl);
  }
}

/** Formats the `identifier=system|value` search of a conditional request, each part URL-encoded. */
export function identifierQuery(identifier: Identifier): string {
  const system = identifier.system === undefined ? "" : `${encodeURIComponent(identifier.system)}|`;
  return `identifier=${system}${encodeURIComponent(identifier.value ?? "")}`;
}
