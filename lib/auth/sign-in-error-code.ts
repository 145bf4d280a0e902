/**
 * Error code `authorize` throws when the database cannot be reached. next-auth v4 passes a thrown
 * message to the browser as the sign-in error, so it is a fixed code and never the cause. Kept in
 * its own file so the sign-in form can import it without pulling in server code.
 */
export const signInUnavailableCode = "SignInUnavailable";

const signInThrottledPrefix = "SignInThrottled:";

/**
 * Builds the error code `authorize` throws when too many sign-ins failed for the email or client
 * IP address: "SignInThrottled:" and the whole minutes left until the next attempt, rounded up.
 */
export function toSignInThrottledCode(retryAfterMs: number): string {
  return `${signInThrottledPrefix}${Math.max(1, Math.ceil(retryAfterMs / 60_000))}`;
}

/** Reads the minutes left from a code of toSignInThrottledCode, or returns null for any other error. */
export function readSignInThrottledMinutes(error: string | null | undefined): number | null {
  if (!error?.startsWith(signInThrottledPrefix)) {
    return null;
  }
  const minutes = Number(error.slice(signInThrottledPrefix.length));
  return Number.isInteger(minutes) && minutes > 0 ? minutes : null;
}
