import { randomUUID } from "node:crypto";

import { errors, jwtVerify, SignJWT } from "jose";

/** Lifetime of an access token, in seconds. */
export const accessTokenLifetimeSeconds = 3600;

/** The claims of an access token besides the registered ones. */
export interface AccessTokenClaims {
  /** The user id for tokens from an authorization code, the client id for backend services. */
  sub: string;
  client_id: string;
  /** The granted scopes, space-separated. */
  scope: string;
  /** The launch Patient's id, when the token is for one member. */
  patient?: string;
  /** How the token was obtained, which decides whether `sub` is a user or a client. */
  grant: "authorization_code" | "client_credentials";
}

/** A verified access token: its claims and when it was issued, in seconds since the epoch. */
export interface VerifiedAccessToken extends AccessTokenClaims {
  iat: number;
}

/**
 * Signs an access token for the FHIR API at `audience` (its base URL), valid for
 * accessTokenLifetimeSeconds from `now`.
 */
export async function signAccessToken(claims: AccessTokenClaims, options: { key: Uint8Array; issuer: string; audience: string; now?: Date }): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setSubject(sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + accessTokenLifetimeSeconds)
    .setJti(randomUUID())
    .sign(options.key);
}

/** Why a token was rejected, in words a developer can act on; sent in WWW-Authenticate. */
export class InvalidAccessTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidAccessTokenError";
  }
}

/**
 * Verifies an access token's signature, expiry, issuer and audience. Throws
 * InvalidAccessTokenError saying which check failed; the account checks are the caller's.
 */
export async function verifyAccessToken(token: string, options: { key: Uint8Array; issuer: string; audience: string; now?: Date }): Promise<VerifiedAccessToken> {
  try {
    const { payload } = await jwtVerify(token, options.key, {
      algorithms: ["HS256"],
      issuer: options.issuer,
      audience: options.audience,
      currentDate: options.now,
      requiredClaims: ["sub", "exp", "iat"],
    });
    return toVerifiedToken(payload);
  } catch (error) {
    throw new InvalidAccessTokenError(describeFailure(error, options.audience));
  }
}

function toVerifiedToken(payload: Record<string, unknown>): VerifiedAccessToken {
  const { sub, client_id, scope, patient, grant, iat } = payload;
  if (
    typeof sub !== "string" ||
    typeof client_id !== "string" ||
    typeof scope !== "string" ||
    typeof iat !== "number" ||
    (patient !== undefined && typeof patient !== "string") ||
    (grant !== "authorization_code" && grant !== "client_credentials")
  ) {
    throw new InvalidAccessTokenError("The access token lacks the claims this server issues; request a new token.");
  }
  return { sub, client_id, scope, iat, grant, ...(patient === undefined ? {} : { patient }) };
}

function describeFailure(error: unknown, audience: string): string {
  if (error instanceof InvalidAccessTokenError) {
    return error.message;
  }
  if (error instanceof errors.JWTExpired) {
    return "The access token expired; request a new one.";
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") {
    return `The access token was issued for another server; request one with aud=${audience}.`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return "The access token's signature is invalid; request a new token from this server.";
  }
  return "The access token is malformed or was not issued by this server; request a new one.";
}
