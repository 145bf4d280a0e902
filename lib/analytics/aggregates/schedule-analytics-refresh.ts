import type { Database } from "../../db/database";
import { logger } from "../../log/logger";
import { toErrorFields } from "../../log/to-error-fields";
import { refreshAnalyticsViews } from "../refresh-analytics-views";

/** How long a scheduled refresh waits for more writes, so a burst of writes costs one refresh. */
export const ANALYTICS_REFRESH_DELAY_MS = 2_000;

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;
let requestedAgain = false;

/**
 * Schedules an incremental refresh of the analytics tables after a write has committed, and
 * returns at once. Calls within the delay are merged into one refresh, and calls that arrive while
 * a refresh runs are merged into one more run after it. Errors are logged, not thrown, because
 * the write itself succeeded; the next write or `npm run analytics:refresh` catches up.
 */
export function scheduleAnalyticsRefresh(db: Database, options: { delayMs?: number; schema?: string } = {}): void {
  if (running) {
    requestedAgain = true;
    return;
  }
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    running = runUntilCaughtUp(db, options.schema);
  }, options.delayMs ?? ANALYTICS_REFRESH_DELAY_MS);
  // A waiting refresh must not keep a command-line process or a test worker alive.
  timer.unref();
}

async function runUntilCaughtUp(db: Database, schema: string | undefined): Promise<void> {
  do {
    requestedAgain = false;
    const started = performance.now();
    try {
      const results = await refreshAnalyticsViews(db, { schema });
      const resources = results.reduce((sum, result) => sum + result.resources, 0);
      logger.info({ views: results.length, resources, durationMs: Math.round(performance.now() - started) }, "analytics refresh done");
    } catch (error) {
      logger.error(toErrorFields(error), "analytics refresh failed");
    }
  } while (requestedAgain);
  running = undefined;
}

/** Returns a promise that settles when no refresh is waiting or running (for tests). */
export async function waitForScheduledAnalyticsRefresh(): Promise<void> {
  while (timer || running) {
    await (running ?? new Promise((resolve) => setTimeout(resolve, 10)));
  }
}
