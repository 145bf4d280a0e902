import type { Database } from "../db/database";

/** Revokes every grant in force from the grantor to the grantee; returns how many were revoked. */
export async function revokeRecordAccess(db: Database, grantorPatientId: string, granteePatientId: string, now: Date = new Date()): Promise<number> {
  const result = await db.prisma.recordAccessGrant.updateMany({
    where: { grantorPatientId, granteePatientId, revokedAt: null },
    data: { revokedAt: now },
  });
  return result.count;
}
