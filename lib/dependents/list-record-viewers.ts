import type { Database } from "../db/database";
import type { FhirStore } from "../fhir/store/fhir-store";
import { toDisplayName } from "../claims/to-display-name";
import { toReferenceTarget } from "../claims/reference-target";
import { hasActiveGrant } from "./has-active-grant";
import { isCoverageInForce } from "./is-coverage-in-force";
import { readPatientOrNull } from "./read-patient-or-null";

/** A subscriber who could be allowed to view a dependent's record. */
export interface RecordViewer {
  patientId: string;
  /** The subscriber's display name, or null when their Patient has none. */
  name: string | null;
  /** True while the dependent's grant to this subscriber is in force. */
  granted: boolean;
}

/**
 * Lists the subscribers of the Coverages in force on which `dependentId` is a beneficiary but not
 * the subscriber, with whether each has a grant. These are the only people the dependent may
 * grant access to.
 */
export async function listRecordViewers(db: Database, store: FhirStore, dependentId: string, today: Date): Promise<RecordViewer[]> {
  const coverages = await store.listInPatientCompartment(dependentId, "Coverage");

  const subscriberIds = new Set<string>();
  for (const coverage of coverages) {
    const subscriber = toReferenceTarget(coverage.subscriber);
    const beneficiary = toReferenceTarget(coverage.beneficiary);
    if (beneficiary?.resourceType !== "Patient" || beneficiary.id !== dependentId) continue;
    if (subscriber?.resourceType !== "Patient" || subscriber.id === dependentId) continue;
    if (!isCoverageInForce(coverage, today)) continue;
    subscriberIds.add(subscriber.id);
  }

  const viewers: RecordViewer[] = [];
  for (const subscriberId of subscriberIds) {
    const patient = await readPatientOrNull(store, subscriberId);
    if (!patient) continue;
    viewers.push({ patientId: subscriberId, name: toDisplayName(patient.name), granted: await hasActiveGrant(db, dependentId, subscriberId) });
  }
  return viewers;
}
