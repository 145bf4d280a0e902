import type { SmartScopes } from "@/lib/smart/smart-scope";

import { resourceTypeLabels, smartStrings } from "./strings";

/**
 * Describes what each granted scope lets an app do, in the words a member reads on the consent
 * page, one line per permission and without repeats.
 */
export function toScopeDescriptions(scopes: SmartScopes): string[] {
  const lines = scopes.resources.map((scope) => {
    const canRead = scope.interactions.has("r");
    const canSearch = scope.interactions.has("s");
    if (scope.resourceType === "*" && (canRead || canSearch)) {
      return smartStrings.readEverything;
    }
    const label = resourceTypeLabels[scope.resourceType] ?? `${scope.resourceType} records`;
    if (canRead && canSearch) return smartStrings.readSearchType(label);
    return canSearch ? smartStrings.searchType(label) : smartStrings.readType(label);
  });

  if (scopes.launchPatient) lines.push(smartStrings.launchPatient);
  if (scopes.openid || scopes.fhirUser) lines.push(smartStrings.identity);
  if (scopes.offlineAccess) lines.push(smartStrings.offlineAccess);
  return [...new Set(lines)];
}
