import { hkdfSync } from "node:crypto";

import { readAuthSecret } from "../auth/read-auth-secret";

/**
 * Derives the HS256 key that signs SMART access tokens from NEXTAUTH_SECRET with HKDF-SHA256,
 * so no second secret needs keeping, while a token key can never be used as a session key.
 * Changing NEXTAUTH_SECRET invalidates every access token, as it does every session.
 */
export function getAccessTokenKey(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", readAuthSecret(env), "", "lakeview smart access token", 32));
}
