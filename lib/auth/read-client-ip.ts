/**
 * Reads the client IP address from X-Real-IP, else the last X-Forwarded-For entry, which is the
 * address the nearest proxy saw. Returns null when neither header is present, and always when
 * LAKEVIEW_TRUST_PROXY is not "true": without a reverse proxy that sets these headers, a client
 * could send any value, forging its audit address and dodging the per-address sign-in limit.
 * NOTE: Next.js route handlers do not expose the socket's address, so without a trusted proxy
 * the audit trail records no address and only the per-email sign-in limit applies.
 */
export function readClientIp(headers: Record<string, unknown> | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  if (env.LAKEVIEW_TRUST_PROXY !== "true") {
    return null;
  }
  const realIp = headerValue(headers, "x-real-ip");
  if (realIp) {
    return realIp;
  }
  const forwardedFor = headerValue(headers, "x-forwarded-for");
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last ? last : null;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  const text = Array.isArray(value) ? value.at(-1) : value;
  return typeof text === "string" && text.trim().length > 0 ? text.trim() : null;
}
