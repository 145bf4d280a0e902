import { createLocalJWKSet, decodeJwt, errors, jwtVerify } from "jose";

import type { Database } from "../db/database";
import { getOAuthClient, type OAuthClient } from "./oauth-client";
import { OAuthError } from "./oauth-error";

/** The client_assertion_type of SMART Backend Services (RFC 7523). */
export const jwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** Maximum lifetime a client assertion may claim, in seconds, as SMART Backend Services sets it (5 minutes). */
const maxAssertionLifetimeSeconds = 300;

/**
 * Authenticates a backend client by its client assertion. The assertion must be a JWT signed
 * with RS384 or ES384 by a key in the client's registered JWKS. Its iss and sub must be the
 * client_id and its aud the token endpoint, with exp at most five minutes ahead and an unseen
 * jti. Returns the client, or throws OAuthError invalid_client naming the failed check.
 */
export async function verifyClientAssertion(
  db: Database,
  params: { assertionType: string | null; assertion: string | null },
  options: { tokenUrl: string; now?: Date },
): Promise<OAuthClient> {
  if (params.assertionType !== jwtBearerAssertionType) {
    throw new OAuthError("invalid_client", `client_assertion_type must be ${jwtBearerAssertionType}.`);
  }
  if (!params.assertion) {
    throw new OAuthError("invalid_client", "client_assertion is missing; send a JWT signed with the client's registered key.");
  }

  const client = await loadAssertingClient(db, params.assertion);
  const payload = await verifySignature(params.assertion, client, options);
  await rememberJti(db, client.id, payload, options.now ?? new Date());
  return client;
}

async function loadAssertingClient(db: Database, assertion: string): Promise<OAuthClient> {
  let issuer: unknown;
  try {
    issuer = decodeJwt(assertion).iss;
  } catch {
    throw new OAuthError("invalid_client", "client_assertion is not a JWT.");
  }
  if (typeof issuer !== "string") {
    throw new OAuthError("invalid_client", "client_assertion has no iss; set iss and sub to the client_id.");
  }
  const client = await getOAuthClient(db, issuer);
  if (!client?.jwks || client.clientType !== "confidential") {
    throw new OAuthError("invalid_client", "client_assertion names a client_id with no registered keys; register the client's JWKS first.");
  }
  return client;
}

async function verifySignature(assertion: string, client: OAuthClient, options: { tokenUrl: string; now?: Date }): Promise<{ jti: string; exp: number }> {
  try {
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks ?? { keys: [] }), {
      algorithms: ["RS384", "ES384"],
      issuer: client.id,
      subject: client.id,
      audience: options.tokenUrl,
      currentDate: options.now,
      requiredClaims: ["exp", "jti"],
    });
    const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
    if (typeof payload.exp !== "number" || payload.exp - now > maxAssertionLifetimeSeconds || typeof payload.jti !== "string") {
      throw new OAuthError("invalid_client", `client_assertion exp is more than ${maxAssertionLifetimeSeconds} seconds ahead; sign assertions that expire within 5 minutes.`);
    }
    return { jti: payload.jti, exp: payload.exp };
  } catch (error) {
    throw error instanceof OAuthError ? error : new OAuthError("invalid_client", describeFailure(error, options.tokenUrl));
  }
}

function describeFailure(error: unknown, tokenUrl: string): string {
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return `client_assertion aud must be the token endpoint, ${tokenUrl}.`;
    if (error.reason === "missing") return `client_assertion has no ${error.claim}; set iss and sub to the client_id, aud, exp and a unique jti.`;
    return `client_assertion ${error.claim} is invalid; iss and sub must both be the client_id.`;
  }
  if (error instanceof errors.JWTExpired) {
    return "client_assertion expired; sign a new one for each token request.";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return "client_assertion must be signed with RS384 or ES384.";
  }
  return "client_assertion signature does not verify with any key registered for the client.";
}

async function rememberJti(db: Database, clientId: string, payload: { jti: string; exp: number }, now: Date): Promise<void> {
  await db.prisma.oauthUsedAssertion.deleteMany({ where: { expiresAt: { lt: now } } });
  const saved = await db.prisma.oauthUsedAssertion.createMany({
    data: [{ clientId, jti: payload.jti, expiresAt: new Date(payload.exp * 1000) }],
    skipDuplicates: true,
  });
  if (saved.count === 0) {
    throw new OAuthError("invalid_client", "client_assertion jti was used before; sign a new assertion with a fresh jti for each request.");
  }
}
