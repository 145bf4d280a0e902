import type { Database } from "../db/database";
import type { FhirStore } from "../fhir/store/fhir-store";
import { logger } from "../log/logger";
import type { DependentAccess } from "./dependent-access";
import { getDependentAccess } from "./get-dependent-access";
import { readViewingCookie } from "./viewing-cookie";

/** The record a member's pages show. */
export type ViewedRecord = { viewing: "self" } | { viewing: "dependent"; patientId: string; access: Exclude<DependentAccess, "private"> };

/**
 * Decides whose record a member's pages show from the viewing cookie. The cookie must carry this
 * account's signature, and the dependent it names must pass the coverage and age or grant rules
 * today. Any other value, a missing one included, gives the member's own record.
 */
export async function resolveViewedRecord(
  db: Database,
  store: FhirStore,
  user: { id: string; patientId: string },
  cookie: string | undefined,
  secret: string,
  today: Date,
): Promise<ViewedRecord> {
  if (cookie === undefined) {
    return { viewing: "self" };
  }
  const dependentId = readViewingCookie(cookie, user.id, secret);
  if (dependentId === null) {
    logger.warn({ userId: user.id }, "viewing cookie has an invalid signature; showing the member's own record");
    return { viewing: "self" };
  }

  const access = await getDependentAccess(db, store, user.patientId, dependentId, today);
  if (access === null || access === "private") {
    logger.info({ userId: user.id, access: access ?? "not-on-coverage" }, "viewing cookie names a record the member may not view; showing their own");
    return { viewing: "self" };
  }
  return { viewing: "dependent", patientId: dependentId, access };
}
