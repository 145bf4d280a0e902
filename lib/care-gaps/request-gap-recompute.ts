import type { Database } from "../db/database";

/**
 * Asks the measure pipeline to evaluate one patient's measure again after the member reported
 * evidence. Evaluation ignores evidence while its review is pending, so for now this only keeps
 * the call in place for when the pipeline reacts to reports.
 *
 * TODO: call the pipeline's recompute hook here once the measures branch provides one; until
 * then this does nothing.
 */
export const requestGapRecompute: (db: Database, patientId: string, measureId: string) => Promise<void> = async () => {};
