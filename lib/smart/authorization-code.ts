import { createHash, randomBytes } from "node:crypto";

import type { Database } from "../db/database";
import { OAuthError } from "./oauth-error";
import { verifyPkce } from "./verify-pkce";

/** Lifetime of an authorization code, in seconds. */
export const authorizationCodeLifetimeSeconds = 60;

/** What a member approved, bound to the code that carries it to the token endpoint. */
export interface AuthorizationGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  patientId: string | null;
  /** The approved scopes, space-separated. */
  scope: string;
}

/** A redeemed grant with the time its code was issued. */
export interface RedeemedGrant extends AuthorizationGrant {
  issuedAt: Date;
}

/** The token request parameters that must match the grant. */
export interface CodeExchange {
  code: string;
  clientId: string;
  redirectUri: string;
  codeVerifier: string;
}

/** Stores a new single-use code for `grant` and returns it; only its SHA-256 is kept. */
export async function createAuthorizationCode(db: Database, grant: AuthorizationGrant, now: Date = new Date()): Promise<string> {
  const code = randomBytes(32).toString("base64url");
  await db.prisma.oauthAuthorizationCode.create({
    data: { ...grant, codeHash: hashCode(code), expiresAt: new Date(now.getTime() + authorizationCodeLifetimeSeconds * 1000) },
  });
  return code;
}

/**
 * Marks the code used and returns its grant when the code exists, is unused and unexpired, and
 * the client, redirect_uri and PKCE verifier match. Throws OAuthError invalid_grant otherwise.
 * The code is spent by the first attempt, even a failing one, so it cannot be guessed at.
 */
export async function redeemAuthorizationCode(db: Database, exchange: CodeExchange, now: Date = new Date()): Promise<RedeemedGrant> {
  const codeHash = hashCode(exchange.code);
  const spent = await db.prisma.oauthAuthorizationCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
  const row = spent.count === 1 ? await db.prisma.oauthAuthorizationCode.findUnique({ where: { codeHash } }) : null;
  if (!row) {
    throw new OAuthError("invalid_grant", "code is invalid or was already used; start the authorization again.");
  }
  await db.prisma.oauthAuthorizationCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 3600_000) } } });

  if (row.expiresAt.getTime() <= now.getTime()) {
    throw new OAuthError("invalid_grant", `code expired; codes are valid for ${authorizationCodeLifetimeSeconds} seconds, so exchange it at once.`);
  }
  if (row.clientId !== exchange.clientId) {
    throw new OAuthError("invalid_grant", "code was issued to another client_id.");
  }
  if (row.redirectUri !== exchange.redirectUri) {
    throw new OAuthError("invalid_grant", "redirect_uri differs from the one in the authorization request; send the same value.");
  }
  if (!verifyPkce(exchange.codeVerifier, row.codeChallenge)) {
    throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge (S256) of the authorization request.");
  }
  return {
    clientId: row.clientId,
    redirectUri: row.redirectUri,
    codeChallenge: row.codeChallenge,
    userId: row.userId,
    patientId: row.patientId,
    scope: row.scope,
    issuedAt: new Date(row.expiresAt.getTime() - authorizationCodeLifetimeSeconds * 1000),
  };
}

function hashCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
