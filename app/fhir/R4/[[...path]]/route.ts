import { randomUUID } from "node:crypto";

import type { NextRequest } from "next/server";

import { getSessionUser } from "@/lib/auth/get-session-user";
import { getDatabase } from "@/lib/db/get-database";
import { FHIR_JSON, type FhirResponse } from "@/lib/fhir/rest/fhir-request";
import { getAccessScope } from "@/lib/fhir/rest/get-access-scope";
import { handleFhirRequest } from "@/lib/fhir/rest/handle-fhir-request";
import { logger } from "@/lib/log/logger";

/** Largest request body accepted, in bytes; larger ones get 413 before they are parsed. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const BASE_PATH = "/fhir/R4";

interface RouteContext {
  params: Promise<{ path?: string[] }>;
}

/**
 * Adapts a Next request to handleFhirRequest. Authentication is the portal session for now; the
 * session user becomes an AccessScope in getAccessScope, where SMART tokens will plug in too.
 */
async function handle(request: NextRequest, context: RouteContext): Promise<Response> {
  const started = performance.now();
  const requestId = randomUUID();

  const response = await respond(request, context);

  logger.info({ requestId, method: request.method, status: response.status, durationMs: Math.round(performance.now() - started) }, "FHIR request handled");
  return toResponse(response, requestId);
}

async function respond(request: NextRequest, context: RouteContext): Promise<FhirResponse> {
  const user = await getSessionUser();
  if (!user) {
    return outcome(401, "login", "No session; sign in to the portal first, then repeat the request.");
  }
  const body = await readBody(request);
  if (body === undefined) {
    return outcome(413, "too-costly", `The request body is larger than ${MAX_BODY_BYTES} bytes; send smaller resources or split the change.`);
  }

  const db = await getDatabase();
  const scope = await getAccessScope(db, user);
  const { path = [] } = await context.params;
  return handleFhirRequest(
    {
      method: request.method,
      path,
      query: request.nextUrl.searchParams,
      headers: Object.fromEntries(request.headers),
      body: body === "" ? undefined : body,
    },
    { db, scope, baseUrl: baseUrlOf(request) },
  );
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

/** Returns the public FHIR base from NEXTAUTH_URL's origin when set (the address behind TLS), else from the request. */
function baseUrlOf(request: NextRequest): string {
  const origin = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : request.nextUrl.origin;
  return `${origin}${BASE_PATH}`;
}

function outcome(status: number, code: "login" | "too-costly", diagnostics: string): FhirResponse {
  return {
    status,
    headers: { "content-type": `${FHIR_JSON}; charset=utf-8` },
    body: { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] },
  };
}

function toResponse(response: FhirResponse, requestId: string): Response {
  const headers = new Headers(response.headers);
  headers.set("x-request-id", requestId);
  headers.set("cache-control", "no-store");
  const body = response.body === undefined ? null : JSON.stringify(response.body);
  return new Response(body, { status: response.status, headers });
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
