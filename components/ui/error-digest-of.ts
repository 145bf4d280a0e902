/**
 * Returns the digest Next attaches to a server error forwarded to an error boundary, or null.
 * The boundary receives `unknown`, so the digest is checked rather than assumed.
 */
export function errorDigestOf(error: unknown): string | null {
  if (error instanceof Error && "digest" in error && typeof error.digest === "string") {
    return error.digest;
  }
  return null;
}
