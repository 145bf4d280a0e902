import { randomUUID } from "node:crypto";

import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";

import type { Database } from "../db/database";
import { loadSearchFixtures } from "../fhir/rest/search-fixtures";
import { hashClientSecret } from "./authenticate-client";
import { saveOAuthClient } from "./oauth-client";

/** The URLs the SMART tests pretend the server lives at. */
export const testEndpoints = {
  origin: "https://lakeview.test",
  fhirBaseUrl: "https://lakeview.test/fhir/R4",
  authorizeUrl: "https://lakeview.test/oauth/authorize",
  tokenUrl: "https://lakeview.test/oauth/token",
};

/** A fixed HS256 key for access tokens in tests. */
export const testTokenKey = new Uint8Array(32).fill(7);

export const appClientId = "test-app";
export const backendClientId = "test-backend";
/** The backend client's secret for client_secret_basic; the client also has an ES384 key. */
export const backendClientSecret = "test-backend-secret: with spaces & symbols";
export const appRedirectUri = "http://127.0.0.1:4999/callback.html";

/** The accounts and keys the SMART tests use. */
export interface SmartFixtures {
  memberA: string;
  memberB: string;
  careManager: string;
  admin: string;
  unlinkedMember: string;
  backendKey: CryptoKey;
  backendKid: string;
}

/**
 * Loads the search fixtures (patients pat-ana, pat-ben, pat-cruz and their observations), adds
 * accounts for them and staff, and registers a public app and a backend client with an ES384 key.
 */
export async function loadSmartFixtures(db: Database): Promise<SmartFixtures> {
  await loadSearchFixtures(db);
  const memberA = await addUser(db, "member", "pat-ana");
  const memberB = await addUser(db, "member", "pat-ben");
  const unlinkedMember = await addUser(db, "member", null);
  const careManager = await addUser(db, "care_manager", null);
  const admin = await addUser(db, "admin", null);
  await db.prisma.carePanelMember.create({ data: { careManagerId: careManager, patientId: "pat-cruz" } });

  await saveOAuthClient(db, {
    id: appClientId,
    name: "Test app",
    clientType: "public",
    redirectUris: ["http://127.0.0.1/callback.html"],
    jwks: null,
    clientSecretHash: null,
    allowedScopes: ["launch/patient", "openid", "fhirUser", "patient/*.rs", "user/*.rs"],
  });
  const { publicKey, privateKey } = await generateKeyPair("ES384");
  const backendKid = "test-key-1";
  await saveOAuthClient(db, {
    id: backendClientId,
    name: "Test backend",
    clientType: "confidential",
    redirectUris: [],
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: backendKid, alg: "ES384" }] },
    clientSecretHash: hashClientSecret(backendClientSecret),
    allowedScopes: ["system/*.rs", "system/Patient.cud"],
  });
  return { memberA, memberB, careManager, admin, unlinkedMember, backendKey: privateKey, backendKid };
}

async function addUser(db: Database, role: "member" | "care_manager" | "admin", patientId: string | null): Promise<string> {
  const user = await db.prisma.user.create({
    data: { email: `${randomUUID()}@lakeview.test`, name: "Test user", passwordHash: "not-used-by-these-tests", role, patientId },
  });
  return user.id;
}

/** Signs a client assertion as SMART Backend Services describes; `claims` overrides any claim. */
export async function signClientAssertion(
  key: CryptoKey,
  options: { kid: string; alg?: string; claims?: Record<string, unknown>; expiresInSeconds?: number },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: backendClientId, sub: backendClientId, aud: testEndpoints.tokenUrl, jti: randomUUID(), exp: now + (options.expiresInSeconds ?? 240), ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? "ES384", kid: options.kid })
    .sign(key);
}
