import "server-only";

import type { SessionUser } from "@/lib/auth/session-user";
import { recordPortalAudit, type PortalAccess } from "@/lib/audit/record-portal-audit";

/**
 * Records an AuditEvent for a care page or action that touched at least one patient. An empty
 * worklist page or an attempt that named no patient read no health data, and an AuditEvent
 * needs at least one entity, so those record nothing.
 */
export async function recordCareAudit(user: SessionUser, access: PortalAccess): Promise<void> {
  if (access.patientIds.length === 0) return;
  await recordPortalAudit(user, access);
}
