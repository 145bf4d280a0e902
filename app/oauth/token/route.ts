import { randomUUID } from "node:crypto";

import type { NextRequest } from "next/server";

import { getDatabase } from "@/lib/db/get-database";
import { logger } from "@/lib/log/logger";
import { getAccessTokenKey } from "@/lib/smart/access-token-key";
import { corsHeaders } from "@/lib/smart/cors-headers";
import { handleTokenRequest } from "@/lib/smart/handle-token-request";
import { getSmartEndpoints } from "@/lib/smart/smart-endpoints";

/** Maximum token request body, in bytes; a client assertion is well under 8 KB. */
const maxBodyBytes = 64 * 1024;

/** Issues OAuth access tokens for form posts; responses are never cached (RFC 6749 section 5.1). */
export async function POST(request: NextRequest): Promise<Response> {
  const headers = { ...corsHeaders, "cache-control": "no-store", pragma: "no-cache" };
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/x-www-form-urlencoded")) {
    return Response.json({ error: "invalid_request", error_description: "Content-Type must be application/x-www-form-urlencoded." }, { status: 400, headers });
  }
  const text = await request.text();
  if (text.length > maxBodyBytes) {
    return Response.json({ error: "invalid_request", error_description: `The request body is larger than ${maxBodyBytes} bytes.` }, { status: 400, headers });
  }

  const endpoints = getSmartEndpoints(request.nextUrl.origin);
  let response;
  try {
    response = await handleTokenRequest(new URLSearchParams(text), {
      db: await getDatabase(),
      tokenUrl: endpoints.tokenUrl,
      fhirBaseUrl: endpoints.fhirBaseUrl,
      authorization: request.headers.get("authorization"),
      issuer: endpoints.origin,
      key: getAccessTokenKey(),
    });
  } catch (error) {
    const referenceId = randomUUID();
    logger.error({ err: error, referenceId }, "SMART token request failed");
    return Response.json({ error: "server_error", error_description: `The token request failed on the server (reference ${referenceId}); try again later.` }, { status: 500, headers });
  }

  // Only the outcome is logged, because the body contains codes, verifiers and assertions.
  logger.info({ status: response.status, error: response.body.error }, "SMART token request handled");
  return Response.json(response.body, { status: response.status, headers });
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}
