import type { Database } from "../db/database";
import { accessTokenLifetimeSeconds, signAccessToken, type AccessTokenClaims } from "./access-token";
import { assertScopesAllowed } from "./assert-scopes-allowed";
import { authenticateClient } from "./authenticate-client";
import { redeemAuthorizationCode } from "./authorization-code";
import { OAuthError } from "./oauth-error";
import { parseSmartScopes } from "./smart-scope";

/** Where the token endpoint runs: its own URL, the FHIR base its tokens are for, and the signing key. */
export interface TokenEndpointContext {
  db: Database;
  tokenUrl: string;
  fhirBaseUrl: string;
  /** The request's Authorization header, for client_secret_basic; null when absent. */
  authorization: string | null;
  issuer: string;
  key: Uint8Array;
  now?: Date;
}

/** A token endpoint response: the JSON body and its HTTP status. */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Handles a POST to the token endpoint with a form body: grant_type authorization_code (SMART
 * standalone launch, PKCE required) or client_credentials (SMART Backend Services, with a client
 * assertion or client_secret_basic). Returns the token JSON, or the OAuth error JSON of RFC 6749 section 5.2.
 */
export async function handleTokenRequest(form: URLSearchParams, context: TokenEndpointContext): Promise<TokenResponse> {
  try {
    const claims = await toTokenClaims(form, context);
    const accessToken = await signAccessToken(claims, { key: context.key, issuer: context.issuer, audience: context.fhirBaseUrl, now: context.now });
    const body: Record<string, unknown> = { access_token: accessToken, token_type: "Bearer", expires_in: accessTokenLifetimeSeconds, scope: claims.scope };
    if (claims.patient !== undefined) {
      body.patient = claims.patient;
    }
    return { status: 200, body };
  } catch (error) {
    if (error instanceof OAuthError) {
      return { status: error.status, body: error.toJSON() };
    }
    throw error;
  }
}

async function toTokenClaims(form: URLSearchParams, context: TokenEndpointContext): Promise<AccessTokenClaims> {
  const grantType = form.get("grant_type");
  switch (grantType) {
    case "authorization_code":
      return exchangeCode(form, context);
    case "client_credentials":
      return authenticateBackend(form, context);
    case null:
      throw new OAuthError("invalid_request", "grant_type is missing; send authorization_code or client_credentials.");
    default:
      throw new OAuthError("unsupported_grant_type", `grant_type "${grantType}" is not supported; send authorization_code or client_credentials.`);
  }
}

async function exchangeCode(form: URLSearchParams, context: TokenEndpointContext): Promise<AccessTokenClaims> {
  const code = requireParameter(form, "code");
  const redirectUri = requireParameter(form, "redirect_uri");
  const codeVerifier = requireParameter(form, "code_verifier");
  const clientId = (await authenticateClient(context.db, form, context.authorization, context)).id;

  const grant = await redeemAuthorizationCode(context.db, { code, clientId, redirectUri, codeVerifier }, context.now);
  await assertStillSignedIn(context.db, grant.userId, grant.issuedAt);
  return { sub: grant.userId, client_id: clientId, scope: grant.scope, grant: "authorization_code", ...(grant.patientId ? { patient: grant.patientId } : {}) };
}

async function authenticateBackend(form: URLSearchParams, context: TokenEndpointContext): Promise<AccessTokenClaims> {
  const client = await authenticateClient(context.db, form, context.authorization, context);
  if (client.clientType !== "confidential") {
    throw new OAuthError("unauthorized_client", `client_id "${client.id}" is public; client_credentials needs a confidential client with a registered key or secret.`);
  }

  const scopes = parseSmartScopes(form.get("scope"));
  assertScopesAllowed(scopes, client.allowedScopes, ["system"]);
  if (scopes.resources.length === 0) {
    throw new OAuthError("invalid_scope", "scope has no system/ resource scope; request one such as system/*.rs.");
  }
  return { sub: client.id, client_id: client.id, scope: scopes.granted.join(" "), grant: "client_credentials" };
}

/** Rejects a code whose account was removed or signed out after approving it. */
async function assertStillSignedIn(db: Database, userId: string, approvedAt: Date): Promise<void> {
  const user = await db.prisma.user.findUnique({ where: { id: userId }, select: { sessionsValidAfter: true } });
  if (!user || (user.sessionsValidAfter !== null && user.sessionsValidAfter.getTime() >= approvedAt.getTime())) {
    throw new OAuthError("invalid_grant", "code was revoked because the account signed out after approving it; start the authorization again.");
  }
}

function requireParameter(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) {
    throw new OAuthError("invalid_request", `${name} is missing.`);
  }
  return value;
}
