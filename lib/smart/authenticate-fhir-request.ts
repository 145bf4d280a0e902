import "server-only";

import type { AuditAgent } from "../audit/audit-record";
import { getSessionUser } from "../auth/get-session-user";
import type { Database } from "../db/database";
import { FHIR_JSON, type FhirResponse } from "../fhir/rest/fhir-request";
import { getAccessScope } from "../fhir/rest/get-access-scope";
import type { AccessScope } from "../fhir/search/access-scope";
import { getAccessTokenKey } from "./access-token-key";
import { authorizeBearerRequest } from "./authorize-bearer-request";
import type { SmartEndpoints } from "./smart-endpoints";

/** The caller of a FHIR request: what it may reach, and a stable id that owns its export jobs. */
export interface FhirCaller {
  scope: AccessScope;
  callerId: string;
  /** The agents to name in the AuditEvent, when authentication has read them already. Without them loadAuditAgents reads them. */
  agents?: AuditAgent[];
}

/**
 * Authenticates a FHIR API request and returns its caller, or the 401 or 403 response to send. A
 * bearer token takes precedence over the session cookie, so an app's request never runs with the
 * member's full portal access.
 */
export async function authenticateFhirRequest(
  db: Database,
  request: { authorization: string | null; method: string; path: readonly string[] },
  endpoints: SmartEndpoints,
): Promise<FhirCaller | FhirResponse> {
  if (request.authorization !== null) {
    const result = await authorizeBearerRequest(db, request.authorization, request, {
      key: getAccessTokenKey(),
      issuer: endpoints.origin,
      audience: endpoints.fhirBaseUrl,
    });
    switch (result.kind) {
      case "allowed":
        return { scope: result.scope, callerId: result.callerId, agents: result.agents };
      case "invalid-token":
        return withChallenge(outcome(401, "login", result.description), `error="invalid_token", error_description="${result.description.replaceAll('"', "'")}"`);
      case "insufficient-scope":
        return withChallenge(outcome(403, "forbidden", result.description), `error="insufficient_scope", scope="${result.missingScope}"`);
    }
  }

  const user = await getSessionUser();
  if (!user) {
    return withChallenge(outcome(401, "login", "No session or access token; sign in to the portal, or send an access token as Authorization: Bearer."), "");
  }
  return { scope: await getAccessScope(db, user), callerId: `user:${user.id}`, agents: [{ kind: "user", id: user.id, display: user.name }] };
}

/** Returns true when `caller` is an authenticated caller rather than a response to send. */
export function isFhirCaller(caller: FhirCaller | FhirResponse): caller is FhirCaller {
  return "callerId" in caller;
}

/** Builds an OperationOutcome response with one error issue. */
export function outcome(status: number, code: "login" | "forbidden" | "too-costly" | "transient", diagnostics: string): FhirResponse {
  return {
    status,
    headers: { "content-type": `${FHIR_JSON}; charset=utf-8` },
    body: { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] },
  };
}

/** Adds the RFC 6750 WWW-Authenticate challenge that 401 and 403 responses to a bearer request carry. */
function withChallenge(response: FhirResponse, parameters: string): FhirResponse {
  const challenge = parameters === "" ? 'Bearer realm="lakeview"' : `Bearer realm="lakeview", ${parameters}`;
  return { ...response, headers: { ...response.headers, "www-authenticate": challenge } };
}
