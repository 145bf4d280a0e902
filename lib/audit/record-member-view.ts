import "server-only";

import type { MemberRecord } from "../auth/require-member-record";
import { recordPortalAudit } from "./record-portal-audit";

/**
 * Records that a member page read the record it shows: the member's own, or a dependent's the
 * member may view. An account not linked to a Patient reads no health data and records nothing.
 */
export async function recordMemberView(record: MemberRecord, event: string, resources?: readonly string[]): Promise<void> {
  if (!record.patientId) return;
  await recordPortalAudit(record.user, { event, action: "R", patientIds: [record.patientId], resources });
}
