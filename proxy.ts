import { NextResponse, type NextRequest } from "next/server";

import { buildContentSecurityPolicy } from "@/lib/security/build-content-security-policy";

/**
 * Gives every page a fresh script nonce and its Content-Security-Policy, and HSTS when the
 * request came over HTTPS. Next.js reads the policy from the request headers and puts the nonce
 * on the scripts it renders, which works because every page renders per request (the root
 * layout reads the session).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const policy = buildContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    formAction: !request.nextUrl.pathname.startsWith("/oauth/"),
    https,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (https) {
    response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  // Pages only: the FHIR API, route handlers and static files send no HTML to protect.
  matcher: [
    {
      source: "/((?!api/|fhir/|oauth/token|\\.well-known/|_next/static|_next/image|icon.svg).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
