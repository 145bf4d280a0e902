import { randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { exportJWK, generateKeyPair } from "jose";

import type { Database } from "../db/database";
import { saveOAuthClient } from "./oauth-client";

/** client_id of the demo member-facing app, a public client for standalone launches from loopback. */
export const demoAppClientId = "lakeview-demo-app";

/** client_id of the demo backend service, for scripts and integration tests. */
export const demoBackendClientId = "lakeview-demo-backend";

/** Redirect URIs of the demo app. Loopback URIs match on any port (RFC 8252 section 7.3). */
export const demoAppRedirectUris = ["http://127.0.0.1/callback.html", "http://localhost/callback.html"];

/**
 * Registers the demo SMART clients: a public member app allowed patient and user read scopes, and,
 * when `keyFile` is given, a backend service with a fresh ES384 key pair whose private JWK is
 * written to `keyFile` with mode 0600 and whose public key is registered.
 */
export async function seedSmartClients(db: Database, options: { keyFile?: string } = {}): Promise<void> {
  await saveOAuthClient(db, {
    id: demoAppClientId,
    name: "Lakeview demo app",
    clientType: "public",
    redirectUris: demoAppRedirectUris,
    jwks: null,
    clientSecretHash: null,
    allowedScopes: ["launch/patient", "openid", "fhirUser", "offline_access", "patient/*.rs", "user/*.rs"],
  });

  if (options.keyFile) {
    const jwks = await writeBackendKey(options.keyFile);
    await saveOAuthClient(db, {
      id: demoBackendClientId,
      name: "Lakeview demo backend service",
      clientType: "confidential",
      redirectUris: [],
      jwks,
      clientSecretHash: null,
      allowedScopes: ["system/*.rs"],
    });
  }
}

async function writeBackendKey(keyFile: string): Promise<{ keys: object[] }> {
  const { publicKey, privateKey } = await generateKeyPair("ES384", { extractable: true });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "ES384" };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES384", use: "sig" };

  mkdirSync(path.dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, `${JSON.stringify({ client_id: demoBackendClientId, key: privateJwk }, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies only when the file is created, so an older file is narrowed too.
  chmodSync(keyFile, 0o600);
  return { keys: [publicJwk] };
}
