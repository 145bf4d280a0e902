import type { AuditAgent } from "../audit/audit-record";
import type { Database } from "../db/database";
import type { AccessScope } from "../fhir/search/access-scope";
import { InvalidAccessTokenError } from "./access-token";
import { getTokenAccess } from "./get-token-access";
import { allowsInteraction, type ScopeInteraction, type SmartScopes } from "./smart-scope";
import { toRequiredPermission } from "./to-required-permission";

/** The outcome of checking a bearer token against one FHIR request. */
export type BearerAuthorization =
  | { kind: "allowed"; scope: AccessScope; callerId: string; agents?: AuditAgent[] }
  | { kind: "invalid-token"; description: string }
  | { kind: "insufficient-scope"; description: string; missingScope: string };

const interactionNames: Record<ScopeInteraction, string> = { c: "create", r: "read", u: "update", d: "delete", s: "search" };
const v1Names: Record<ScopeInteraction, string> = { c: "write", r: "read", u: "write", d: "write", s: "read" };

/**
 * Checks an Authorization header value against a FHIR request: the header must be
 * "Bearer <token>", the token valid (see getTokenAccess), and its scopes must allow the
 * interaction the method and path name. Returns the AccessScope to run the request with.
 */
export async function authorizeBearerRequest(
  db: Database,
  authorization: string,
  request: { method: string; path: readonly string[] },
  options: { key: Uint8Array; issuer: string; audience: string; now?: Date },
): Promise<BearerAuthorization> {
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(authorization.trim());
  if (!match?.[1]) {
    return { kind: "invalid-token", description: "The Authorization header must be \"Bearer\" followed by an access token from this server's token endpoint." };
  }

  let access;
  try {
    access = await getTokenAccess(db, match[1], options);
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) {
      return { kind: "invalid-token", description: error.message };
    }
    throw error;
  }

  const context = access.scopes.resources[0]?.context ?? (access.grant === "client_credentials" ? "system" : "patient");
  const denial = findMissingScope(access.scopes, request, context);
  return denial ?? { kind: "allowed", scope: access.scope, callerId: access.callerId, agents: access.agents };
}

function findMissingScope(scopes: SmartScopes, request: { method: string; path: readonly string[] }, context: string): BearerAuthorization | null {
  const required = toRequiredPermission(request.method, request.path);
  if (required === null) {
    return request.method === "POST" && hasPartialWrites(scopes)
      ? { kind: "insufficient-scope", missingScope: `${context}/*.cud`, description: `A batch or transaction with this token needs ${context}/*.cud, because its scopes allow writes to some types only.` }
      : null;
  }
  if (allowsInteraction(scopes, required.resourceType, required.interaction)) {
    return null;
  }

  const missingScope = `${context}/${required.resourceType}.${required.interaction}`;
  return {
    kind: "insufficient-scope",
    missingScope,
    description:
      `The access token's scopes do not allow ${interactionNames[required.interaction]} on ${required.resourceType}; ` +
      `authorize with ${missingScope} (SMART v2) or ${context}/${required.resourceType}.${v1Names[required.interaction]} (SMART v1).`,
  };
}

function hasPartialWrites(scopes: SmartScopes): boolean {
  const writes = scopes.resources.filter((scope) => ["c", "u", "d"].some((letter) => scope.interactions.has(letter as ScopeInteraction)));
  const writesAll = writes.some((scope) => scope.resourceType === "*" && scope.interactions.has("c") && scope.interactions.has("u") && scope.interactions.has("d"));
  return writes.length > 0 && !writesAll;
}
