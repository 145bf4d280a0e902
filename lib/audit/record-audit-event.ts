import { randomUUID } from "node:crypto";

import type { AuditEvent } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirStore } from "../fhir/store/fhir-store";
import type { AuditRecord } from "./audit-record";
import { toAuditEvent } from "./to-audit-event";

/**
 * Stores the AuditEvents of one access in the FHIR store, where admins search them and members
 * find them in their compartment. An access to several patients becomes one event per patient,
 * each naming only that patient and no resources, because every patient an event names can read
 * it: one shared event would show a member which other members a care manager opened. The events
 * of one access share its request id. A failure is thrown: callers serve no health data they
 * could not record.
 */
export async function recordAuditEvent(db: Database, record: AuditRecord): Promise<AuditEvent[]> {
  const records = record.patientIds.length <= 1 ? [record] : record.patientIds.map((patientId) => ({ ...record, patientIds: [patientId], resources: [] }));
  const store = new FhirStore(db);
  if (records.length === 1) return [await store.create(toAuditEvent(records[0] ?? record))];

  // writeAll stores resources under the ids they carry, so each event gets a fresh one here.
  const outcomes = await store.writeAll(records.map((each) => ({ kind: "put", resource: { ...toAuditEvent(each), id: randomUUID() } })));
  return outcomes.flatMap((outcome) => (outcome.resource?.resourceType === "AuditEvent" ? [outcome.resource] : []));
}
