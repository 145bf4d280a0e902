import type { Database } from "../db/database";
import { toDisplayName } from "../claims/to-display-name";
import { FhirStore } from "../fhir/store/fhir-store";
import { listCoverageDependents } from "./list-coverage-dependents";
import { readPatientOrNull } from "./read-patient-or-null";

/** View model of the record switcher above member pages. */
export interface RecordSwitcherView {
  /**
   * The dependent's name while the member views a dependent's record, or "" when the dependent's
   * Patient has no name. Null while the member views their own record.
   */
  viewingName: string | null;
  /** True when anyone else is on a Coverage in force whose subscriber is the member. */
  hasDependents: boolean;
}

/**
 * Loads the switcher's view model. `viewedPatientId` must come from requireMemberRecord, which
 * has already checked that the member may view it.
 */
export async function getRecordSwitcherView(
  db: Database,
  ownPatientId: string | null,
  viewedPatientId: string | null,
  today: Date,
): Promise<RecordSwitcherView> {
  if (!ownPatientId) {
    return { viewingName: null, hasDependents: false };
  }
  const store = new FhirStore(db);

  const hasDependents = (await listCoverageDependents(store, ownPatientId, today)).length > 0;
  if (!viewedPatientId || viewedPatientId === ownPatientId) {
    return { viewingName: null, hasDependents };
  }
  const dependent = await readPatientOrNull(store, viewedPatientId);
  return { viewingName: toDisplayName(dependent?.name) ?? "", hasDependents };
}
