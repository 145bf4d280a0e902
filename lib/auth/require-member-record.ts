import "server-only";

import { requireMember } from "./require-session";
import type { SessionUser } from "./session-user";

/** Whose health record a member page shows, decided on the server for every request. */
export interface MemberRecord {
  user: SessionUser & { role: "member" };
  /** The Patient every read on the page is limited to; null when the account is not linked. */
  patientId: string | null;
  /** "self" for the member's own record, "dependent" when a subscriber views a dependent's. */
  viewing: "self" | "dependent";
}

/**
 * Returns the signed-in member and the Patient whose record their pages show. Every member page,
 * route handler and server action calls this instead of reading a patient id from the request.
 */
export async function requireMemberRecord(): Promise<MemberRecord> {
  const user = await requireMember();
  // TODO: a subscriber may switch to a dependent's record; the dependents work replaces this line.
  return { user, patientId: user.patientId, viewing: "self" };
}
