/**
 * Converts a sign-in instant to the session token's `auth_time` claim, named as in OpenID Connect:
 * seconds since the epoch, with the milliseconds kept as the fraction. RFC 7519 (section 2) allows
 * a fractional NumericDate, and whole seconds could not order a sign-in and a sign-out that fall in
 * the same second.
 */
export function toAuthTime(signedInAt: Date): number {
  return signedInAt.getTime() / 1000;
}

/**
 * Tells whether a token whose `auth_time` is `authTime` was signed in after `sessionsValidAfter`,
 * the account's last sign-out. A token signed in at that very millisecond counts as revoked.
 */
export function isSignedInAfter(authTime: number, sessionsValidAfter: Date | null): boolean {
  return sessionsValidAfter === null || Math.round(authTime * 1000) > sessionsValidAfter.getTime();
}
