/**
 * Reads the client IP address from X-Real-IP, else the last X-Forwarded-For entry, which is the
 * address the nearest proxy saw. Returns null when neither header is present.
 * NOTE: only a reverse proxy that sets these headers makes them trustworthy. Without one, a client
 * can send any value, so it can dodge the per-IP limit (the per-email limit still applies).
 */
export function readClientIp(headers: Record<string, unknown> | undefined): string | null {
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
