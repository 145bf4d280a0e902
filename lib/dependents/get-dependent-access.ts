import type { Database } from "../db/database";
import type { FhirStore } from "../fhir/store/fhir-store";
import type { DependentAccess } from "./dependent-access";
import { listCoverageDependents } from "./list-coverage-dependents";
import { readPatientOrNull } from "./read-patient-or-null";
import { toDependentAccess } from "./to-dependent-access";

/**
 * Returns whether the subscriber may view one dependent's record, or null when that Patient is
 * not on a Coverage in force with this subscriber, or is not stored. Called on every request that
 * shows a dependent's record, so a birthday, a revoked grant or an ended coverage applies at once.
 */
export async function getDependentAccess(
  db: Database,
  store: FhirStore,
  subscriberId: string,
  dependentId: string,
  today: Date,
): Promise<DependentAccess | null> {
  const dependentIds = await listCoverageDependents(store, subscriberId, today);
  if (!dependentIds.includes(dependentId)) {
    return null;
  }

  const dependent = await readPatientOrNull(store, dependentId);
  return dependent ? toDependentAccess(db, dependent, subscriberId, today) : null;
}
