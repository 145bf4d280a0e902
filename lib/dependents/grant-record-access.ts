import type { Database } from "../db/database";
import { hasActiveGrant } from "./has-active-grant";

/**
 * Records that the grantor lets the grantee view their record. Granting again while a grant is
 * in force adds nothing. The caller checks that the grantee is the subscriber on the grantor's
 * coverage; this function only stores the decision.
 */
export async function grantRecordAccess(db: Database, grantorPatientId: string, granteePatientId: string, now: Date = new Date()): Promise<void> {
  if (await hasActiveGrant(db, grantorPatientId, granteePatientId)) {
    return;
  }
  await db.prisma.recordAccessGrant.create({ data: { grantorPatientId, granteePatientId, grantedAt: now } });
}
