import type { Database } from "../db/database";
import { assertScopesAllowed } from "./assert-scopes-allowed";
import { getOAuthClient, type OAuthClient } from "./oauth-client";
import { matchesRedirectUri } from "./matches-redirect-uri";
import { OAuthError } from "./oauth-error";
import { parseSmartScopes, type SmartScopes } from "./smart-scope";
import { codeChallengePattern } from "./verify-pkce";

/** A valid authorization request, ready for the member's consent. */
export interface AuthorizationRequest {
  client: OAuthClient;
  redirectUri: string;
  scopes: SmartScopes;
  state: string;
  codeChallenge: string;
}

/**
 * The outcome of checking an authorization request. "invalid-client" must be shown on this server,
 * never redirected, because the redirect_uri is not known to be the client's (RFC 6749 section
 * 4.1.2.1). "redirect-error" goes back to the client's redirect_uri with error and state.
 */
export type AuthorizationRequestResult =
  | { kind: "valid"; request: AuthorizationRequest }
  | { kind: "invalid-client"; description: string }
  | { kind: "redirect-error"; redirectUri: string; error: OAuthError; state: string | null };

/**
 * Checks the query of a SMART standalone launch: a registered client_id and its exact
 * redirect_uri, response_type=code, a PKCE S256 code_challenge, state, aud equal to this FHIR
 * base URL, and scopes the client is registered for in the patient/ or user/ context.
 */
export async function parseAuthorizationRequest(db: Database, query: URLSearchParams, fhirBaseUrl: string): Promise<AuthorizationRequestResult> {
  const clientId = query.get("client_id");
  const redirectUri = query.get("redirect_uri");
  const client = clientId ? await getOAuthClient(db, clientId) : null;
  if (!clientId || !client) {
    return { kind: "invalid-client", description: clientId ? `client_id "${clientId}" is not registered.` : "client_id is missing." };
  }
  if (!redirectUri || !matchesRedirectUri(client.redirectUris, redirectUri)) {
    return { kind: "invalid-client", description: redirectUri ? "redirect_uri is not registered for this client; it must match a registered value exactly." : "redirect_uri is missing." };
  }

  const state = query.get("state");
  try {
    return { kind: "valid", request: { client, redirectUri, ...checkParameters(query, client, fhirBaseUrl) } };
  } catch (error) {
    if (error instanceof OAuthError) {
      return { kind: "redirect-error", redirectUri, error, state };
    }
    throw error;
  }
}

function checkParameters(query: URLSearchParams, client: OAuthClient, fhirBaseUrl: string): Omit<AuthorizationRequest, "client" | "redirectUri"> {
  if (query.get("response_type") !== "code") {
    throw new OAuthError("unsupported_response_type", "response_type must be code.");
  }
  const state = query.get("state");
  if (!state) {
    throw new OAuthError("invalid_request", "state is missing; send an unguessable value and check it on the redirect.");
  }
  if (query.get("code_challenge_method") !== "S256") {
    throw new OAuthError("invalid_request", "code_challenge_method must be S256; this server requires PKCE with S256.");
  }
  const codeChallenge = query.get("code_challenge") ?? "";
  if (!codeChallengePattern.test(codeChallenge)) {
    throw new OAuthError("invalid_request", "code_challenge must be the 43-character base64url SHA-256 of the code_verifier.");
  }
  const aud = query.get("aud");
  if (!aud || aud.replace(/\/$/, "") !== fhirBaseUrl) {
    throw new OAuthError("invalid_request", `aud must be this server's FHIR base URL, ${fhirBaseUrl}.`);
  }

  const scopes = parseSmartScopes(query.get("scope"));
  assertScopesAllowed(scopes, client.allowedScopes, ["patient", "user"]);
  return { scopes, state, codeChallenge };
}

/** Builds the redirect back to the client: its redirect_uri with the given parameters added. */
export function toRedirectUrl(redirectUri: string, parameters: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null) url.searchParams.set(name, value);
  }
  return url.toString();
}
