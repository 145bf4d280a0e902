/**
 * Tells whether a form post came from a page of this site: the Origin header must be present and
 * name the host the request was sent to (X-Forwarded-Host behind a proxy, else Host). Next.js
 * already rejects cross-origin server action calls; mutating actions check again so the rule
 * holds even if that check is switched off with `serverActions.allowedOrigins`.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? headers.get("host");
  if (!origin || !host) {
    return false;
  }

  try {
    return new URL(origin).host === host;
  } catch {
    // An Origin header that is not a URL (such as "null" from a sandboxed frame) is cross-origin.
    return false;
  }
}
