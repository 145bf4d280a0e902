import { createHash } from "node:crypto";

import type { AuditEvent } from "fhir/r4";

import { portalEventSystem, type AuditOutcome } from "../../audit/audit-codes";
import { toAuditEvent } from "../../audit/to-audit-event";
import type { SessionUser } from "../../auth/session-user";

/** AuditEvent.entity.detail.type of the SHA-256 of an admin's SQL, in hex. */
export const QUERY_HASH_DETAIL = "sql-sha256";

/** One admin SQL run to audit. */
export interface AnalystQueryAccess {
  user: SessionUser;
  /** "admin-sql-query" for the console page, "admin-sql-csv" for a download. */
  event: "admin-sql-query" | "admin-sql-csv";
  query: string;
  outcome: AuditOutcome;
  address?: string;
  recorded: Date;
}

/**
 * Builds the AuditEvent of one admin SQL run. It carries the SHA-256 of the query text and not the
 * text itself, because a query may quote member data in its WHERE clause. The same text always
 * has the same hash, so an investigator who has the text can find its runs.
 */
export function toAnalystQueryAuditEvent(access: AnalystQueryAccess): AuditEvent {
  const audit = toAuditEvent({
    action: "E",
    subtype: { system: portalEventSystem, code: access.event },
    agents: [{ kind: "user", id: access.user.id, display: access.user.name }],
    patientIds: [],
    outcome: access.outcome,
    address: access.address,
    recorded: access.recorded,
  });
  const hash = createHash("sha256").update(access.query).digest("hex");
  const queryEntity = {
    type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object" },
    name: "sql",
    detail: [{ type: QUERY_HASH_DETAIL, valueString: hash }],
  };
  return { ...audit, entity: [...(audit.entity ?? []), queryEntity] };
}
