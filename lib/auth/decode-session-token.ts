import { hkdfSync } from "node:crypto";

import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

let cached: { secret: string; key: Uint8Array } | undefined;

/**
 * Decodes a next-auth session token as next-auth's own `decode` does (an encrypted JWT, `dir`
 * with A256GCM, 15 seconds of clock tolerance), but derives the key from the secret once per
 * process instead of on every request. Throws when the token does not decrypt or has expired.
 */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKeyOf(String(secret), salt), { clockTolerance: 15 });
  return payload as JWT;
}

// next-auth 4 derives the key with HKDF-SHA256 over the secret, an empty salt and this label.
function encryptionKeyOf(secret: string, salt: string): Uint8Array {
  if (salt !== "") return deriveKey(secret, salt);
  if (cached?.secret !== secret) cached = { secret, key: deriveKey(secret, "") };
  return cached.key;
}

function deriveKey(secret: string, salt: string): Uint8Array {
  const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
  return new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
}
