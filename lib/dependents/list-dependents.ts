import type { Database } from "../db/database";
import type { FhirStore } from "../fhir/store/fhir-store";
import { toDisplayName } from "../claims/to-display-name";
import type { Dependent } from "./dependent-access";
import { listCoverageDependents } from "./list-coverage-dependents";
import { readPatientOrNull } from "./read-patient-or-null";
import { toDependentAccess } from "./to-dependent-access";

/**
 * Lists everyone on the subscriber's Coverages in force, the subscriber left out, with whether
 * the subscriber may view each record, ordered by name. A beneficiary whose Patient is not
 * stored is left out.
 */
export async function listDependents(db: Database, store: FhirStore, subscriberId: string, today: Date): Promise<Dependent[]> {
  const dependentIds = await listCoverageDependents(store, subscriberId, today);

  const dependents: Dependent[] = [];
  for (const dependentId of dependentIds) {
    const patient = await readPatientOrNull(store, dependentId);
    if (!patient) continue;
    dependents.push({ patientId: dependentId, name: toDisplayName(patient.name), access: await toDependentAccess(db, patient, subscriberId, today) });
  }
  return dependents.sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.patientId.localeCompare(b.patientId));
}
