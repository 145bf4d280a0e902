import type { AuditEvent } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirStore } from "../fhir/store/fhir-store";
import type { AuditRecord } from "./audit-record";
import { toAuditEvent } from "./to-audit-event";

/**
 * Stores the AuditEvent for one access in the FHIR store, where admins search it and members
 * find it in their compartment. A failure is thrown: callers serve no health data they could
 * not record, because an access without its audit entry breaks the trail members rely on.
 */
export async function recordAuditEvent(db: Database, record: AuditRecord): Promise<AuditEvent> {
  return new FhirStore(db).create(toAuditEvent(record));
}
