import "server-only";

import { headers } from "next/headers";

import { readClientIp } from "../auth/read-client-ip";
import type { SessionUser } from "../auth/session-user";
import { getDatabase } from "../db/get-database";
import { portalEventSystem, type AuditAction } from "./audit-codes";
import { recordAuditEvent } from "./record-audit-event";

/** A portal page or server action that reads or changes health data. */
export interface PortalAccess {
  /** The page or action, such as "member-claim-detail"; the code of AuditEvent.subtype. */
  event: string;
  action: AuditAction;
  patientIds: readonly string[];
  /** The resources shown or changed, as "Type/id", when the page is about a few named ones. */
  resources?: readonly string[];
  /** "4" when the request was rejected (another member's claim id, a stale version). */
  outcome?: "0" | "4";
}

/**
 * Records an AuditEvent for a portal page or server action. Call it after authorization and
 * before the data leaves the server. When it throws, the page shows its error state instead
 * of serving data that left no trace.
 */
export async function recordPortalAudit(user: SessionUser, access: PortalAccess): Promise<void> {
  const requestHeaders = Object.fromEntries(await headers());
  const address = readClientIp(requestHeaders) ?? undefined;

  await recordAuditEvent(await getDatabase(), {
    action: access.action,
    subtype: { system: portalEventSystem, code: access.event },
    agents: [{ kind: "user", id: user.id, display: user.name }],
    patientIds: access.patientIds,
    resources: access.resources,
    outcome: access.outcome ?? "0",
    address,
    recorded: new Date(),
  });
}
