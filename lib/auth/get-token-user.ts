import type { JWT } from "next-auth/jwt";

import type { Database } from "../db/database";
import type { Role } from "../db/generated/enums";
import { isSignedInAfter } from "./auth-time";
import { isUuid } from "./is-uuid";
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

  // Account ids are UUIDs, so any other subject names no account, and PostgreSQL would reject it.
  if (!isUuid(token.sub)) {
    return null;
  }
  // Plain SQL rather than Prisma, because this runs on every request. In a CPU profile of FHIR
  // searches, Prisma's query layer took about 4% of the portal's time for this lookup.
  const [user] = await db.sql.query<UserRow>(
    "SELECT id::text AS id, name, role::text AS role, patient_id, sessions_valid_after FROM app_user WHERE id = $1::uuid",
    [token.sub],
    { prepare: true },
  );
  if (!user || !isSignedInAfter(token.auth_time, user.sessions_valid_after)) {
    return null;
  }
  return { id: user.id, name: user.name, role: user.role, patientId: user.patient_id };
}

interface UserRow {
  id: string;
  name: string;
  role: Role;
  patient_id: string | null;
  sessions_valid_after: Date | null;
}
