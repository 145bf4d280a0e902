/**
 * Returns `value` when it is a path on this site ("/oauth/authorize?…"), else "/". Only a single
 * leading slash is accepted, because "//host" and "/\host" lead browsers to another site, which
 * would make the sign-in page an open redirect.
 */
export function toSafeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return "/";
  }
  return value;
}
