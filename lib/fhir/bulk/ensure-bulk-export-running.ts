import type { Database } from "../../db/database";
import { logger } from "../../log/logger";
import { toErrorFields } from "../../log/to-error-fields";
import { runBulkExport, type ExportRunOptions } from "./run-bulk-export";

/**
 * The runs of this process by job id. It lives on globalThis because Next's development server
 * reloads modules, and a second registry would start a second run of the same job.
 */
const globalForExports = globalThis as typeof globalThis & { lakeviewBulkExports?: Map<string, Promise<void>> };
const runs = (globalForExports.lakeviewBulkExports ??= new Map());

/**
 * Starts running a job in the background of this process unless it already runs here. The kick-off
 * calls it, and so does every status poll, which resumes a job whose process stopped.
 */
export function ensureBulkExportRunning(db: Database, jobId: string, options: ExportRunOptions): void {
  if (runs.has(jobId)) return;
  const run = runBulkExport(db, jobId, options)
    .catch((error: unknown) => {
      logger.error({ jobId, ...toErrorFields(error) }, "bulk export run failed");
    })
    .finally(() => runs.delete(jobId));
  runs.set(jobId, run);
}

/** Resolves when this process's run of the job has ended; at once when none runs. */
export function whenBulkExportSettled(jobId: string): Promise<void> {
  return runs.get(jobId) ?? Promise.resolve();
}
