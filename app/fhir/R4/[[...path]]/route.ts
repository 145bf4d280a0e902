import { randomUUID } from "node:crypto";

import type { NextRequest } from "next/server";

import { getSessionUser } from "@/lib/auth/get-session-user";
import type { Database } from "@/lib/db/database";
import { getDatabase } from "@/lib/db/get-database";
import { FHIR_JSON, type FhirResponse } from "@/lib/fhir/rest/fhir-request";
import { getAccessScope } from "@/lib/fhir/rest/get-access-scope";
import { handleFhirRequest } from "@/lib/fhir/rest/handle-fhir-request";
import type { AccessScope } from "@/lib/fhir/search/access-scope";
import { logger } from "@/lib/log/logger";
import { getAccessTokenKey } from "@/lib/smart/access-token-key";
import { authorizeBearerRequest } from "@/lib/smart/authorize-bearer-request";
import { corsHeaders } from "@/lib/smart/cors-headers";
import { getSmartEndpoints, type SmartEndpoints } from "@/lib/smart/smart-endpoints";

/** Largest request body accepted, in bytes; larger ones get 413 before they are parsed. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

interface RouteContext {
  params: Promise<{ path?: string[] }>;
}

/**
 * Adapts a Next request to handleFhirRequest. The caller is a SMART access token when the request
 * has an Authorization header, otherwise the portal session; either ends in an AccessScope.
 */
async function handle(request: NextRequest, context: RouteContext): Promise<Response> {
  const started = performance.now();
  const requestId = randomUUID();

  const response = await respond(request, context);

  logger.info({ requestId, method: request.method, status: response.status, durationMs: Math.round(performance.now() - started) }, "FHIR request handled");
  return toResponse(response, requestId);
}

async function respond(request: NextRequest, context: RouteContext): Promise<FhirResponse> {
  const { path = [] } = await context.params;
  const db = await getDatabase();
  const endpoints = getSmartEndpoints(request.nextUrl.origin);

  const caller = await authenticate(request, db, path, endpoints);
  if ("status" in caller) {
    return caller;
  }
  const body = await readBody(request);
  if (body === undefined) {
    return outcome(413, "too-costly", `The request body is larger than ${MAX_BODY_BYTES} bytes; send smaller resources or split the change.`);
  }

  return handleFhirRequest(
    {
      method: request.method,
      path,
      query: request.nextUrl.searchParams,
      headers: Object.fromEntries(request.headers),
      body: body === "" ? undefined : body,
    },
    { db, scope: caller.scope, baseUrl: endpoints.fhirBaseUrl },
  );
}

/**
 * Returns the caller's AccessScope, or the 401 or 403 response. A bearer token takes precedence
 * over the session cookie, so an app's request never runs with the member's full portal access.
 */
async function authenticate(
  request: NextRequest,
  db: Database,
  path: readonly string[],
  endpoints: SmartEndpoints,
): Promise<{ scope: AccessScope } | FhirResponse> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const result = await authorizeBearerRequest(db, authorization, { method: request.method, path }, {
      key: getAccessTokenKey(),
      issuer: endpoints.origin,
      audience: endpoints.fhirBaseUrl,
    });
    switch (result.kind) {
      case "allowed":
        return { scope: result.scope };
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
  return { scope: await getAccessScope(db, user) };
}

/** Adds the RFC 6750 WWW-Authenticate challenge that 401 and 403 responses to a bearer request carry. */
function withChallenge(response: FhirResponse, parameters: string): FhirResponse {
  const challenge = parameters === "" ? 'Bearer realm="lakeview"' : `Bearer realm="lakeview", ${parameters}`;
  return { ...response, headers: { ...response.headers, "www-authenticate": challenge } };
}

/** Reads the body as text, or returns undefined as soon as it exceeds MAX_BODY_BYTES. */
async function readBody(request: NextRequest): Promise<string | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return undefined;
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function outcome(status: number, code: "login" | "forbidden" | "too-costly", diagnostics: string): FhirResponse {
  return {
    status,
    headers: { "content-type": `${FHIR_JSON}; charset=utf-8` },
    body: { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] },
  };
}

function toResponse(response: FhirResponse, requestId: string): Response {
  const headers = new Headers({ ...corsHeaders, ...response.headers });
  headers.set("x-request-id", requestId);
  headers.set("cache-control", "no-store");
  const body = response.body === undefined ? null : JSON.stringify(response.body);
  return new Response(body, { status: response.status, headers });
}

/** CORS preflight for browser apps that send a bearer token from their own origin. */
function preflight(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export { preflight as OPTIONS };
export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
