const loopbackHosts = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * Tells whether `requested` equals one of the registered redirect URIs. An http loopback URI
 * matches on any port, because native and test apps listen on a port chosen at run time
 * (RFC 8252 section 7.3); everything else, query included, must match exactly.
 */
export function matchesRedirectUri(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) {
    return true;
  }
  const url = parseUrl(requested);
  if (!url || url.protocol !== "http:" || !loopbackHosts.has(url.hostname)) {
    return false;
  }
  url.port = "";
  return registered.includes(url.toString());
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
