// The session secret of `npm start` and `npm run dev`, shared with the commands that must hash
// or sign with the same key as the portal.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { readAuthSecret } from "@/lib/auth/read-auth-secret";

/** File that contains the secret `npm start` and `npm run dev` create when NEXTAUTH_SECRET is unset. */
export const portalSecretFile = path.resolve(import.meta.dirname, "..", ".data", "nextauth-secret");

/**
 * Returns the secret the portal runs with: NEXTAUTH_SECRET when set, else the content of `file`,
 * or null when neither exists. Creates nothing. Throws when NEXTAUTH_SECRET is set but shorter
 * than the portal accepts.
 */
export function readPortalSecret(env: NodeJS.ProcessEnv = process.env, file: string = portalSecretFile): string | null {
  if (env.NEXTAUTH_SECRET !== undefined) {
    return readAuthSecret(env);
  }
  return existsSync(file) ? readSecretFile(file) : null;
}

/** Returns the secret in `file`, first writing a new random one (mode 0600) when the file does not exist. */
export function readOrCreateSecret(file: string = portalSecretFile): string {
  if (existsSync(file)) {
    return readSecretFile(file);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function readSecretFile(file: string): string {
  return readFileSync(file, "utf8").trim();
}
