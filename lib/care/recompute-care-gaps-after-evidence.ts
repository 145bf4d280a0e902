import type { Database } from "../db/database";
import { logger } from "../log/logger";

/**
 * The call site where accepted evidence requests that the measure pipeline to re-evaluate the patient's
 * care gaps, so the gap closes through the normal incremental recompute.
 *
 * TODO: call the recompute hook of the measures branch here once it is merged; until then this
 * only logs, and the gap stays open until the next full evaluation.
 */
export async function recomputeCareGapsAfterEvidence(db: Database, patientId: string, detectedIssueId: string | null): Promise<void> {
  void db;
  void patientId;
  logger.info({ hasGap: detectedIssueId !== null }, "care gap recompute requested after accepted evidence");
  await Promise.resolve();
}
