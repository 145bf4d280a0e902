import type { Database } from "../db/database";

/** Tells whether `grantorPatientId` has an unrevoked grant letting `granteePatientId` view their record. */
export async function hasActiveGrant(db: Database, grantorPatientId: string, granteePatientId: string): Promise<boolean> {
  const grant = await db.prisma.recordAccessGrant.findFirst({
    where: { grantorPatientId, granteePatientId, revokedAt: null },
    select: { id: true },
  });
  return grant !== null;
}
