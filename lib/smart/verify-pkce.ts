import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636 section 4.1: 43 to 128 characters from the unreserved set. */
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The S256 form of a code_challenge: base64url without padding of a SHA-256, 43 characters. */
export const codeChallengePattern = /^[A-Za-z0-9\-_]{43}$/;

/**
 * Tells whether `verifier` is well formed and its S256 transform (RFC 7636 section 4.2) equals
 * `challenge`. Only S256 is accepted, as SMART App Launch 2 requires.
 */
export function verifyPkce(verifier: string, challenge: string): boolean {
  if (!verifierPattern.test(verifier)) {
    return false;
  }
  const computed = Buffer.from(createHash("sha256").update(verifier).digest("base64url"));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
