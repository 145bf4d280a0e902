import type { NextRequest } from "next/server";

import { corsHeaders } from "@/lib/smart/cors-headers";
import { toSmartConfiguration } from "@/lib/smart/smart-configuration";
import { getSmartEndpoints } from "@/lib/smart/smart-endpoints";

/** SMART App Launch discovery; also served under the FHIR base, where clients look first. */
export function GET(request: NextRequest): Response {
  const body = toSmartConfiguration(getSmartEndpoints(request.nextUrl.origin));
  return Response.json(body, { headers: { ...corsHeaders, "cache-control": "public, max-age=300" } });
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}
