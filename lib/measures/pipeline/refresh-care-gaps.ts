import { scheduleAnalyticsRefresh } from "@/lib/analytics/aggregates/schedule-analytics-refresh";
import type { Database } from "@/lib/db/database";
import { logger } from "@/lib/log/logger";
import { toErrorFields } from "@/lib/log/to-error-fields";

import { recomputeStaleCareGaps } from "./recompute-stale-care-gaps";

/**
 * Brings care gaps up to date after a write of clinical data: an import, or a server action that
 * stores an Observation, Procedure, Immunization or Condition. Call it after the write has
 * committed. It catches and logs every error instead of throwing, because the write itself
 * succeeded. Stale patients stay stale, so the next call (or `npm run care-gaps`) catches up.
 * Either way it then schedules an analytics refresh, which picks up the written resources and
 * the care gaps together.
 */
export async function refreshCareGaps(db: Database): Promise<void> {
  try {
    await recomputeStaleCareGaps(db);
  } catch (error) {
    logger.error(toErrorFields(error), "care gap refresh failed");
  }
  scheduleAnalyticsRefresh(db);
}

let running: Promise<void> | undefined;
let requestedAgain = false;

/**
 * Starts refreshCareGaps in the background and returns at once, for request handlers that should
 * not wait for it. Calls that arrive while a refresh runs are merged into one more run after it,
 * so a burst of writes costs at most two refreshes.
 * NOTE: the merging is per process. On PostgreSQL the portal runs several processes, and each
 * refreshes after its own writes. The watermark keeps the result right, but the same patient may
 * be evaluated twice. A lock row in the database would merge them.
 */
export function scheduleCareGapRefresh(db: Database): void {
  if (running) {
    requestedAgain = true;
    return;
  }
  running = (async () => {
    do {
      requestedAgain = false;
      await refreshCareGaps(db);
    } while (requestedAgain);
    running = undefined;
  })();
}

/** Returns a promise that settles when the background refresh, if any, has finished (for tests). */
export function waitForScheduledCareGapRefresh(): Promise<void> {
  return running ?? Promise.resolve();
}
