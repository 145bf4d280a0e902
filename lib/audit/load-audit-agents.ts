import { isUuid } from "../auth/is-uuid";
import type { Database } from "../db/database";
import type { AuditAgent } from "./audit-record";

/**
 * Turns a FHIR caller id ("user:<id>", "client:<id>" or "user:<id>:client:<id>") into audit
 * agents with the user's and the app's names. The person comes first, so they are the
 * requestor when an app acts for them. An id of another shape becomes one client agent with
 * that id, because an unnamed caller must still be recorded.
 */
export async function loadAuditAgents(db: Database, callerId: string): Promise<AuditAgent[]> {
  const match = /^(?:user:([^:]+))?(?::?client:(.+))?$/.exec(callerId);
  const userId = match?.[1];
  const clientId = match?.[2];
  if (!match || (userId === undefined && clientId === undefined)) {
    return [{ kind: "client", id: callerId }];
  }

  const [user, client] = await Promise.all([
    // User ids are UUID columns, and PostgreSQL rejects any other text there instead of finding no row.
    userId === undefined || !isUuid(userId) ? null : db.prisma.user.findUnique({ where: { id: userId }, select: { name: true } }),
    clientId === undefined ? null : db.prisma.oauthClient.findUnique({ where: { id: clientId }, select: { name: true } }),
  ]);
  const agents: AuditAgent[] = [];
  if (userId !== undefined) agents.push({ kind: "user", id: userId, ...(user ? { display: user.name } : {}) });
  if (clientId !== undefined) agents.push({ kind: "client", id: clientId, ...(client ? { display: client.name } : {}) });
  return agents;
}
