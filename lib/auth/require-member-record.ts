import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { getDatabase } from "../db/get-database";
import type { DependentAccess } from "../dependents/dependent-access";
import { getDependentAccess } from "../dependents/get-dependent-access";
import { readViewingCookie, viewingCookieName } from "../dependents/viewing-cookie";
import { FhirStore } from "../fhir/store/fhir-store";
import { logger } from "../log/logger";
import { readAuthSecret } from "./read-auth-secret";
import { requireMember } from "./require-session";
import type { SessionUser } from "./session-user";

/** Whose health record a member page shows, decided on the server for every request. */
export interface MemberRecord {
  user: SessionUser & { role: "member" };
  /** The Patient every read on the page is limited to; null when the account is not linked. */
  patientId: string | null;
  /** "self" for the member's own record, "dependent" when a subscriber views a dependent's. */
  viewing: "self" | "dependent";
  /** Why the dependent's record may be shown; null while the member views their own. */
  dependentAccess: Exclude<DependentAccess, "private"> | null;
}

/**
 * Returns the signed-in member and the Patient whose record their pages show. Every member page,
 * route handler and server action calls this instead of reading a patient id from the request.
 *
 * The viewing cookie only names a dependent. On every request the value must carry this
 * account's signature, and the dependent must be on a Coverage in force whose subscriber is the
 * member and be under 13 today or hold a grant for the member. Any other value is ignored, and
 * the member sees their own record. Cached per request, so layout and page check once.
 */
export const requireMemberRecord = cache(async (): Promise<MemberRecord> => {
  const user = await requireMember();
  const self: MemberRecord = { user, patientId: user.patientId, viewing: "self", dependentAccess: null };
  if (!user.patientId) {
    return self;
  }

  const cookie = (await cookies()).get(viewingCookieName)?.value;
  if (cookie === undefined) {
    return self;
  }
  const dependentId = readViewingCookie(cookie, user.id, readAuthSecret());
  if (dependentId === null) {
    logger.warn({ userId: user.id }, "viewing cookie has an invalid signature; showing the member's own record");
    return self;
  }

  const db = await getDatabase();
  const access = await getDependentAccess(db, new FhirStore(db), user.patientId, dependentId, new Date());
  if (access === null || access === "private") {
    logger.info({ userId: user.id, access: access ?? "not-on-coverage" }, "viewing cookie names a record the member may not view; showing their own");
    return self;
  }
  return { user, patientId: dependentId, viewing: "dependent", dependentAccess: access };
});
