import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { decideAccess } from "../access/decide-access";
import { toSessionActor } from "../access/to-session-actor";
import { getDatabase } from "../db/get-database";
import type { DependentAccess } from "../dependents/dependent-access";
import { resolveViewedRecord } from "../dependents/resolve-viewed-record";
import { viewingCookieName } from "../dependents/viewing-cookie";
import { FhirStore } from "../fhir/store/fhir-store";
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
  /** The rule that lets the member view the dependent's record; null for their own record. */
  dependentAccess: Exclude<DependentAccess, "private"> | null;
}

/**
 * Returns the signed-in member and the Patient whose record their pages show. Every member page,
 * route handler and server action calls this instead of reading a patient id from the request.
 *
 * The viewing cookie only names a dependent. On every request the value must carry this
 * account's signature, and the dependent must be on a Coverage in force whose subscriber is the
 * member and be under 13 today or hold a grant for the member. Any other value is ignored, and
 * the pages show the member's own record. The access policy (lib/access) then decides with the
 * dependent as the member's one viewable dependent. Cached per request, so layout and page check once.
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
  const db = await getDatabase();
  const viewed = await resolveViewedRecord(db, new FhirStore(db), { id: user.id, patientId: user.patientId }, cookie, readAuthSecret(), new Date());
  if (viewed.viewing === "self") return self;

  const actor = toSessionActor(user, { dependentIds: [viewed.patientId] });
  const decision = decideAccess(actor, { kind: "compartment", resourceType: "Patient", patientIds: [viewed.patientId] });
  return decision.allowed ? { user, patientId: viewed.patientId, viewing: "dependent", dependentAccess: viewed.access } : self;
});
