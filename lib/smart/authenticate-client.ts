import { createHash, timingSafeEqual } from "node:crypto";

import type { Database } from "../db/database";
import { getOAuthClient, type OAuthClient } from "./oauth-client";
import { OAuthError } from "./oauth-error";
import { verifyClientAssertion } from "./verify-client-assertion";

/**
 * Authenticates the client of a token request, by the first method present: HTTP Basic with the
 * client secret (client_secret_basic), a client assertion (private_key_jwt), or for a public
 * client its client_id alone. Throws OAuthError invalid_client. A confidential client must use
 * one of the first two.
 */
export async function authenticateClient(
  db: Database,
  form: URLSearchParams,
  authorization: string | null,
  options: { tokenUrl: string; now?: Date },
): Promise<OAuthClient> {
  if (authorization?.startsWith("Basic ")) {
    return verifyClientSecret(db, authorization.slice("Basic ".length));
  }
  if (form.has("client_assertion") || form.has("client_assertion_type")) {
    return verifyClientAssertion(db, { assertionType: form.get("client_assertion_type"), assertion: form.get("client_assertion") }, options);
  }

  const clientId = form.get("client_id");
  if (!clientId) {
    throw new OAuthError("invalid_request", "client_id is missing.");
  }
  const client = await getOAuthClient(db, clientId);
  if (!client) {
    throw new OAuthError("invalid_client", `client_id "${clientId}" is not registered.`);
  }
  if (client.clientType === "confidential") {
    throw new OAuthError("invalid_client", `client_id "${clientId}" is confidential; authenticate with client_assertion or HTTP Basic.`);
  }
  return client;
}

/** Checks HTTP Basic credentials: client_id and secret, each form-urlencoded (RFC 6749 section 2.3.1). */
async function verifyClientSecret(db: Database, credentials: string): Promise<OAuthClient> {
  const decoded = Buffer.from(credentials.trim(), "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  const failed = new OAuthError("invalid_client", "HTTP Basic client authentication failed; check the client_id and client secret.");
  if (separator < 0) {
    throw failed;
  }

  const clientId = decodeFormComponent(decoded.slice(0, separator));
  const secret = decodeFormComponent(decoded.slice(separator + 1));
  const client = clientId === null ? null : await getOAuthClient(db, clientId);
  if (!client?.clientSecretHash || secret === null || !matchesHash(secret, client.clientSecretHash)) {
    throw failed;
  }
  return client;
}

function decodeFormComponent(value: string): string | null {
  try {
    return decodeURIComponent(value.replaceAll("+", " "));
  } catch {
    return null;
  }
}

function matchesHash(secret: string, expectedHex: string): boolean {
  const actual = createHash("sha256").update(secret).digest();
  const expected = Buffer.from(expectedHex, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Returns the hex SHA-256 to store for a client secret; secrets are random, so no slow hash is needed. */
export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
