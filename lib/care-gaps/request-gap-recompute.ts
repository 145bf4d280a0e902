import type { Database } from "../db/database";
import { scheduleCareGapRefresh } from "../measures/pipeline/refresh-care-gaps";

/**
 * Asks the measure pipeline to look at the patient again after the member reported evidence. The
 * evaluation ignores evidence while its review is pending, so this only schedules the background
 * refresh, which finds the patient stale and leaves the gap as it is until a care manager accepts.
 */
export function requestGapRecompute(db: Database): void {
  scheduleCareGapRefresh(db);
}
