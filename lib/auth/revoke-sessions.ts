import type { Database } from "../db/database";

/**
 * Ends every session of an account: tokens signed in at or before `at` are rejected from then on.
 * A JWT session lives only in the browser's cookie, so the account row is the one place the
 * server can record it. The time never moves back, so two sign-outs racing keep the later one.
 */
export async function revokeSessions(db: Database, userId: string, at: Date = new Date()): Promise<void> {
  await db.prisma.user.updateMany({
    where: { id: userId, OR: [{ sessionsValidAfter: null }, { sessionsValidAfter: { lt: at } }] },
    data: { sessionsValidAfter: at },
  });
}
