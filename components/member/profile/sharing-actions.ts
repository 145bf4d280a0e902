"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { isFormData } from "@/lib/auth/is-form-data";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { grantRecordAccess } from "@/lib/dependents/grant-record-access";
import { listRecordViewers } from "@/lib/dependents/list-record-viewers";
import { revokeRecordAccess } from "@/lib/dependents/revoke-record-access";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";

/**
 * Lets the signed-in member's subscriber view the member's record. The subscriber id in the form
 * is accepted only when it is the subscriber on one of the member's own Coverages in force. A
 * member viewing someone else's record cannot share either record.
 */
export async function shareRecord(formData: FormData): Promise<void> {
  const member = await requireSharingMember();
  const viewerId = isFormData(formData) ? formData.get("viewerId") : null;
  if (!member || typeof viewerId !== "string") return;

  const db = await getDatabase();
  const viewers = await listRecordViewers(db, new FhirStore(db), member.patientId, new Date());
  if (!viewers.some((viewer) => viewer.patientId === viewerId)) {
    logger.warn({ userId: member.userId }, "record share rejected: the viewer is not the member's subscriber");
    return;
  }

  await grantRecordAccess(db, member.patientId, viewerId);
  logger.info({ userId: member.userId }, "record shared with subscriber");
  revalidatePath("/member/profile");
}

/** Withdraws the member's grant to a subscriber; withdrawing a grant that does not exist changes nothing. */
export async function stopSharingRecord(formData: FormData): Promise<void> {
  const member = await requireSharingMember();
  const viewerId = isFormData(formData) ? formData.get("viewerId") : null;
  if (!member || typeof viewerId !== "string") return;

  const revoked = await revokeRecordAccess(await getDatabase(), member.patientId, viewerId);
  logger.info({ userId: member.userId, revoked }, "record sharing stopped");
  revalidatePath("/member/profile");
}

async function requireSharingMember(): Promise<{ userId: string; patientId: string } | null> {
  if (!isSameOriginRequest(await headers())) {
    return null;
  }
  const record = await requireMemberRecord();
  if (record.viewing !== "self" || !record.user.patientId) {
    return null;
  }
  return { userId: record.user.id, patientId: record.user.patientId };
}
