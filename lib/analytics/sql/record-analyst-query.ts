import "server-only";

import { createHash } from "node:crypto";

import { headers } from "next/headers";

import { portalEventSystem, type AuditOutcome } from "../../audit/audit-codes";
import { toAuditEvent } from "../../audit/to-audit-event";
import { readClientIp } from "../../auth/read-client-ip";
import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db/database";
import { FhirStore } from "../../fhir/store/fhir-store";

/** Code system of AuditEvent.entity.detail.type for the hash of an admin's SQL. */
const QUERY_HASH_DETAIL = "sql-sha256";

/**
 * Records an AuditEvent for one admin SQL query (`event` is "admin-sql-query" for the page or
 * "admin-sql-csv" for a download). The event carries the SHA-256 of the query text and not the
 * text itself, because a query may quote member data in its WHERE clause. The same text always
 * has the same hash, so an investigator who has the text can find its runs.
 */
export async function recordAnalystQuery(db: Database, user: SessionUser, event: "admin-sql-query" | "admin-sql-csv", query: string, outcome: AuditOutcome): Promise<void> {
  const requestHeaders = Object.fromEntries(await headers());
  const audit = toAuditEvent({
    action: "E",
    subtype: { system: portalEventSystem, code: event },
    agents: [{ kind: "user", id: user.id, display: user.name }],
    patientIds: [],
    outcome,
    address: readClientIp(requestHeaders) ?? undefined,
    recorded: new Date(),
  });
  const hash = createHash("sha256").update(query).digest("hex");
  audit.entity = [
    ...(audit.entity ?? []),
    {
      type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object" },
      name: "sql",
      detail: [{ type: QUERY_HASH_DETAIL, valueString: hash }],
    },
  ];
  await new FhirStore(db).create(audit);
}
