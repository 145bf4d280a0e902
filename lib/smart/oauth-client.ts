import type { JSONWebKeySet } from "jose";

import type { Database } from "../db/database";

/** A registered SMART client as the endpoints use it. */
export interface OAuthClient {
  id: string;
  name: string;
  clientType: "public" | "confidential";
  redirectUris: string[];
  jwks: JSONWebKeySet | null;
  /** Hex SHA-256 of the client secret, for client_secret_basic; null for clients without one. */
  clientSecretHash: string | null;
  allowedScopes: string[];
}

/** Loads a registered client by client_id, or null when none is registered under it. */
export async function getOAuthClient(db: Database, clientId: string): Promise<OAuthClient | null> {
  const row = await db.prisma.oauthClient.findUnique({ where: { id: clientId } });
  if (!row) {
    return null;
  }
  return {
    id: row.id,
    name: row.name,
    clientType: row.clientType === "confidential" ? "confidential" : "public",
    redirectUris: row.redirectUris,
    jwks: isKeySet(row.jwks) ? row.jwks : null,
    clientSecretHash: row.clientSecretHash,
    allowedScopes: row.allowedScopes,
  };
}

/** Registers a client, or replaces the registration under the same id. */
export async function saveOAuthClient(db: Database, client: OAuthClient): Promise<void> {
  const data = { ...client, jwks: client.jwks === null ? undefined : (client.jwks as object) };
  await db.prisma.oauthClient.upsert({ where: { id: client.id }, create: data, update: data });
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return typeof value === "object" && value !== null && Array.isArray((value as { keys?: unknown }).keys);
}
