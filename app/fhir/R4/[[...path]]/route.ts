import { randomUUID } from "node:crypto";

import type { NextRequest } from "next/server";

import { loadAuditAgents } from "@/lib/audit/load-audit-agents";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { toFhirAuditRecord } from "@/lib/audit/to-fhir-audit-record";
import { readClientIp } from "@/lib/auth/read-client-ip";
import type { Database } from "@/lib/db/database";
import { getDatabase } from "@/lib/db/get-database";
import type { FhirResponse } from "@/lib/fhir/rest/fhir-request";
import { handleFhirRequest } from "@/lib/fhir/rest/handle-fhir-request";
import { logger } from "@/lib/log/logger";
import { toErrorFields } from "@/lib/log/to-error-fields";
import { scheduleCareGapRefresh } from "@/lib/measures/pipeline/refresh-care-gaps";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";
import { authenticateFhirRequest, isFhirCaller, outcome, type FhirCaller } from "@/lib/smart/authenticate-fhir-request";
import { corsHeaders } from "@/lib/smart/cors-headers";
import { getSmartEndpoints } from "@/lib/smart/smart-endpoints";

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

  const { path = [] } = await context.params;
  const db = await getDatabase();
  const { response, caller } = await respond(request, path, db);
  const audited = caller ? await withAuditEvent(db, request, path, response, caller, requestId) : response;

  logger.info({ requestId, method: request.method, status: audited.status, durationMs: Math.round(performance.now() - started) }, "FHIR request handled");
  return toResponse(audited, requestId);
}

async function respond(request: NextRequest, path: string[], db: Database): Promise<{ response: FhirResponse; caller?: FhirCaller }> {
  const endpoints = getSmartEndpoints(request.nextUrl.origin);

  const caller = await authenticateFhirRequest(db, { authorization: request.headers.get("authorization"), method: request.method, path }, endpoints);
  if (!isFhirCaller(caller)) {
    return { response: caller };
  }
  if (isCrossSiteSessionWrite(request)) {
    return {
      response: outcome(403, "forbidden", "A cross-site request may not change data with the portal session; send it from the portal's own pages, or use an access token."),
      caller,
    };
  }
  const body = await readBody(request);
  if (body === undefined) {
    return { response: outcome(413, "too-costly", `The request body is larger than ${MAX_BODY_BYTES} bytes; send smaller resources or split the change.`), caller };
  }

  const response = await handleFhirRequest(
    {
      method: request.method,
      path,
      query: request.nextUrl.searchParams,
      headers: Object.fromEntries(request.headers),
      body: body === "" ? undefined : body,
    },
    { db, scope: caller.scope, callerId: caller.callerId, baseUrl: endpoints.fhirBaseUrl },
  );
  const isWrite = request.method !== "GET" && !path.includes("_search") && !path.some((segment) => segment.startsWith("$"));
  if (isWrite && response.status < 300) {
    // The refresh finds stale patients from the store, so a write of no measure input costs one cheap check.
    scheduleCareGapRefresh(db);
  }
  return { response, caller };
}

/**
 * Records the AuditEvent of an authenticated request and returns the response to send. The
 * CapabilityStatement contains no health data and is not recorded. When the event cannot be
 * stored, the caller gets 503 instead of data that left no trace.
 */
async function withAuditEvent(db: Database, request: NextRequest, path: readonly string[], response: FhirResponse, caller: FhirCaller, requestId: string): Promise<FhirResponse> {
  if (path.length === 1 && path[0] === "metadata") return response;

  try {
    const agents = caller.agents ?? (await loadAuditAgents(db, caller.callerId));
    const address = readClientIp(Object.fromEntries(request.headers)) ?? undefined;
    await recordAuditEvent(db, toFhirAuditRecord({ method: request.method, path }, response, agents, { address, requestId, recorded: new Date() }));
    return response;
  } catch (error) {
    logger.error({ requestId, ...toErrorFields(error) }, "audit event not recorded");
    return outcome(503, "transient", "The access could not be recorded in the audit trail, so no data was sent; try again shortly.");
  }
}

/**
 * Tells whether a write authenticated by the session cookie came from another site. Browsers send
 * Origin on every cross-site POST, PUT, PATCH and DELETE, so a present Origin that differs from
 * the host is a forged cross-site request. A request without Origin comes from a non-browser
 * client that sends the cookie itself, and is allowed.
 */
function isCrossSiteSessionWrite(request: NextRequest): boolean {
  if (request.headers.get("authorization") !== null || ["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  return request.headers.get("origin") !== null && !isSameOriginRequest(request.headers);
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

function toResponse(response: FhirResponse, requestId: string): Response {
  const headers = new Headers({ ...corsHeaders, ...response.headers });
  headers.set("x-request-id", requestId);
  headers.set("cache-control", "no-store");
  // A string body is already serialized, because ViewDefinition/$run sends CSV and NDJSON as text.
  let body: string | null = null;
  if (response.json !== undefined) body = response.json;
  else if (typeof response.body === "string") body = response.body;
  else if (response.body !== undefined) body = JSON.stringify(response.body);
  return new Response(body, { status: response.status, headers });
}

/** CORS preflight for browser apps that send a bearer token from their own origin. */
function preflight(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export { preflight as OPTIONS };
export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
