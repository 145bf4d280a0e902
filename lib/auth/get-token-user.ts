import type { JWT } from "next-auth/jwt";

import type { Database } from "../db/database";
import { isSignedInAfter } from "./auth-time";
import { sessionMaxAgeSeconds } from "./session-max-age";
import type { SessionUser } from "./session-user";

/**
 * Loads the account a session token names, as it is stored now. Returns null when the token names
 * no account, carries no `auth_time`, signed in more than sessionMaxAgeSeconds before `now`, or
 * names an account that was deleted or signed out after the token's sign-in. The age check makes
 * the session absolute: next-auth rewrites the cookie with a new expiry on every session request,
 * but `auth_time` keeps the original sign-in.
 */
export async function getTokenUser(db: Database, token: JWT | null, now: Date = new Date()): Promise<SessionUser | null> {
  if (!token?.sub || typeof token.auth_time !== "number") {
    return null;
  }
  if (now.getTime() - token.auth_time * 1000 > sessionMaxAgeSeconds * 1000) {
    return null;
  }

  const user = await db.prisma.user.findUnique({
    where: { id: token.sub },
    select: { id: true, name: true, role: true, patientId: true, sessionsValidAfter: true },
  });
  if (!user || !isSignedInAfter(token.auth_time, user.sessionsValidAfter)) {
    return null;
  }
  return { id: user.id, name: user.name, role: user.role, patientId: user.patientId };
}
