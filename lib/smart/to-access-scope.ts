import type { AccessScope } from "../fhir/search/access-scope";
import { SUPPORTED_RESOURCE_TYPES } from "../fhir/rest/supported-resource-types";
import type { SmartScopes } from "./smart-scope";

/**
 * Narrows `base` (whose compartments the token may reach) to the resource types the token's
 * scopes let it read or search. Unless a `*` scope allows create, update or delete, the types are
 * always listed, which makes the AccessScope read-only, so no interaction (batch entries
 * included) can write with a token that was not granted writes.
 */
export function toAccessScope(base: AccessScope, scopes: SmartScopes): AccessScope {
  const readable = scopes.resources.filter((scope) => scope.interactions.has("r") || scope.interactions.has("s"));
  const readsEveryType = readable.some((scope) => scope.resourceType === "*");
  const writesEveryType = scopes.resources.some((scope) => scope.resourceType === "*" && ["c", "u", "d"].some((letter) => scope.interactions.has(letter as "c")));

  if (readsEveryType && writesEveryType) {
    return { ...base, resourceTypes: undefined };
  }
  const resourceTypes = readsEveryType ? SUPPORTED_RESOURCE_TYPES : [...new Set(readable.map((scope) => scope.resourceType))].sort();
  return { ...base, resourceTypes };
}
