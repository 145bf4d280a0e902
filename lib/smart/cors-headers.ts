/**
 * CORS headers for the endpoints browser apps call from their own origin: discovery, token and
 * the FHIR API. Any origin may call them because they take bearer tokens and form posts, not
 * cookies: with `*` a browser sends no credentials, so the portal session is never used.
 */
export const corsHeaders: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, accept, prefer, if-match, if-none-exist, if-none-match, if-modified-since",
  "access-control-expose-headers": "location, etag, last-modified, www-authenticate, x-request-id",
  "access-control-max-age": "600",
};
