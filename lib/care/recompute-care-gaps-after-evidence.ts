import type { Database } from "../db/database";
import { evaluatePatientMeasures } from "../measures/pipeline/evaluate-patient-measures";

/**
 * Re-evaluates the patient's measures right after a care manager accepted reported evidence,
 * so the gap shows as closed on the next page load instead of after the next background refresh.
 */
export async function recomputeCareGapsAfterEvidence(db: Database, patientId: string): Promise<void> {
  await evaluatePatientMeasures(db, patientId);
}
