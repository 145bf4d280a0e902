import { INDEXED_RESOURCE_TYPES } from "../search-parameters";
import { DIRECTORY_RESOURCE_TYPES } from "../search/access-scope";

/** The resource types the FHIR API serves: every indexed type plus the directory types. */
export const SUPPORTED_RESOURCE_TYPES: readonly string[] = [...new Set([...INDEXED_RESOURCE_TYPES, ...DIRECTORY_RESOURCE_TYPES])].sort();

/** Tells whether the FHIR API serves a resource type. */
export function isSupportedResourceType(resourceType: string): boolean {
  return SUPPORTED_RESOURCE_TYPES.includes(resourceType);
}
