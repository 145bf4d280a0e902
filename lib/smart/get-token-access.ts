import { toActorScope } from "../access/to-actor-scope";
import type { AuditAgent } from "../audit/audit-record";
import { isSignedInAfter } from "../auth/auth-time";
import type { Database } from "../db/database";
import { getAccessScope } from "../fhir/rest/get-access-scope";
import type { AccessScope } from "../fhir/search/access-scope";
import { InvalidAccessTokenError, verifyAccessToken } from "./access-token";
import { parseSmartScopes, type SmartScopes } from "./smart-scope";
import { toAccessScope } from "./to-access-scope";

/** What a verified bearer token lets its holder do. */
export interface TokenAccess {
  scope: AccessScope;
  scopes: SmartScopes;
  /** "system" for backend services, else the context the token's user signed in with. */
  grant: "authorization_code" | "client_credentials";
  /** Who the token acts for: the backend client, or the user through the app that holds it. */
  callerId: string;
  /** The backend client to name in AuditEvents; absent for a user's token, whose app name is not read here. */
  agents?: AuditAgent[];
}

/**
 * Verifies a bearer token and turns it into an AccessScope. A member's token reaches only the
 * token's patient, and only while the account is still linked to that Patient. A staff user's
 * token gets what their role gets in the portal (a care manager their panel), and a backend
 * client everything; all of them limited to the types the scopes allow. A token issued before
 * the account's last sign-out, or for a deleted account or client, is rejected. Throws
 * InvalidAccessTokenError.
 */
export async function getTokenAccess(db: Database, token: string, options: { key: Uint8Array; issuer: string; audience: string; now?: Date }): Promise<TokenAccess> {
  const verified = await verifyAccessToken(token, options);
  const scopes = parseSmartScopes(verified.scope);

  if (verified.grant === "client_credentials") {
    const client = await db.prisma.oauthClient.findUnique({ where: { id: verified.sub }, select: { id: true, name: true } });
    if (!client) {
      throw new InvalidAccessTokenError("The client this token was issued to is no longer registered.");
    }
    return {
      scope: toAccessScope(toActorScope({ kind: "system", id: client.id }), scopes),
      scopes,
      grant: verified.grant,
      callerId: `client:${client.id}`,
      agents: [{ kind: "client", id: client.id, display: client.name }],
    };
  }

  const base = await getUserBaseScope(db, verified.sub, verified.iat, verified.patient);
  return { scope: toAccessScope(base, scopes), scopes, grant: verified.grant, callerId: `user:${verified.sub}:client:${verified.client_id}` };
}

async function getUserBaseScope(db: Database, userId: string, issuedAt: number, patient: string | undefined): Promise<AccessScope> {
  const user = await db.prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, role: true, patientId: true, sessionsValidAfter: true },
  });
  if (!user || !isSignedInAfter(issuedAt, user.sessionsValidAfter)) {
    throw new InvalidAccessTokenError("The access token was revoked because the account signed out or was removed; authorize the app again.");
  }
  if (patient !== undefined) {
    if (user.role !== "member" || user.patientId !== patient) {
      throw new InvalidAccessTokenError("The access token's patient is no longer linked to the account; authorize the app again.");
    }
    return toActorScope({ kind: "member", id: user.id, patientId: patient, dependentIds: [] });
  }
  return getAccessScope(db, { id: user.id, name: user.name, role: user.role, patientId: user.patientId });
}
