import { OAuthError } from "./oauth-error";
import { parseSmartScopes, type ResourceScope, type ScopeContext, type SmartScopes } from "./smart-scope";

/**
 * Checks every requested scope against the scopes registered for the client and the contexts
 * this grant may use. Throws OAuthError invalid_scope naming the first scope that is not covered.
 * A registered `patient/*.rs` covers a request for `patient/Observation.r`.
 */
export function assertScopesAllowed(requested: SmartScopes, allowedScopes: readonly string[], contexts: readonly ScopeContext[]): void {
  const allowed = allowedScopes.length === 0 ? undefined : parseSmartScopes(allowedScopes.join(" "));

  for (const scope of requested.resources) {
    const text = requested.granted.find((item) => item.startsWith(`${scope.context}/${scope.resourceType}.`)) ?? scope.resourceType;
    if (!contexts.includes(scope.context)) {
      throw new OAuthError("invalid_scope", `scope "${text}" uses the ${scope.context}/ context; this grant allows only ${contexts.map((context) => `${context}/`).join(" and ")} scopes.`);
    }
    if (!allowed?.resources.some((candidate) => covers(candidate, scope))) {
      throw new OAuthError("invalid_scope", `scope "${text}" is not registered for this client; request only scopes from its registration.`);
    }
  }
  for (const item of requested.granted.filter((name) => !name.includes("/") || name === "launch/patient")) {
    if (!allowedScopes.includes(item)) {
      throw new OAuthError("invalid_scope", `scope "${item}" is not registered for this client; request only scopes from its registration.`);
    }
  }
}

function covers(allowed: ResourceScope, requested: ResourceScope): boolean {
  return (
    allowed.context === requested.context &&
    (allowed.resourceType === "*" || allowed.resourceType === requested.resourceType) &&
    [...requested.interactions].every((interaction) => allowed.interactions.has(interaction))
  );
}
