import { rm } from "node:fs/promises";

import type { BulkExportJob } from "../bulk/bulk-export-job";
import { getBulkExportJob, removeBulkExportJob } from "../bulk/bulk-export-jobs";
import { ensureBulkExportRunning } from "../bulk/ensure-bulk-export-running";
import { jobExportDir } from "../bulk/resolve-export-dir";
import { toCallerKey } from "../bulk/to-caller-key";
import { FhirError } from "../fhir-error";
import { exportRunOptions } from "./export-run-options";
import type { FhirContext, FhirResponse } from "./fhir-request";

/** Seconds a client is asked to wait between status polls. */
const RETRY_AFTER_SECONDS = 2;

/**
 * GET bulk-status/[id]: 202 with X-Progress and Retry-After while the job runs, 200 with the
 * manifest when it is done, and the job's error as an OperationOutcome with 500 when it failed.
 * A poll also resumes a job whose process stopped. Another caller's job gets 404.
 */
export async function exportStatusOperation(jobId: string, context: FhirContext): Promise<FhirResponse> {
  const job = await getBulkExportJob(context.db.sql, toCallerKey(context.scope, context.callerId), jobId);
  if (!job) throw jobNotFound(jobId);

  if (job.status === "in-progress") {
    ensureBulkExportRunning(context.db, job.id, exportRunOptions(context));
    return {
      status: 202,
      headers: { "x-progress": `${job.doneTypes} of ${job.types.length} resource types exported`, "retry-after": String(RETRY_AFTER_SECONDS) },
    };
  }
  if (job.status === "failed") {
    throw new FhirError("internal", job.error ?? "The export failed; start a new one.");
  }
  return { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: toManifest(job, context.baseUrl) };
}

/** DELETE bulk-status/[id]: cancels a running job or removes a finished one, with its files, and returns 202. */
export async function cancelExportOperation(jobId: string, context: FhirContext): Promise<FhirResponse> {
  const removed = await removeBulkExportJob(context.db.sql, toCallerKey(context.scope, context.callerId), jobId);
  if (!removed) throw jobNotFound(jobId);

  await rm(jobExportDir(exportRunOptions(context).exportDir, jobId), { recursive: true, force: true });
  return { status: 202, headers: {} };
}

/** Builds the completion manifest of the Bulk Data IG v2. */
function toManifest(job: BulkExportJob, baseUrl: string): Record<string, unknown> {
  return {
    transactionTime: job.transactionTime.toISOString(),
    request: job.requestUrl,
    requiresAccessToken: true,
    output: job.output.map((file) => ({ type: file.type, url: `${baseUrl}/bulk-files/${job.id}/${file.file}`, count: file.count })),
    error: [],
  };
}

function jobNotFound(jobId: string): FhirError {
  return new FhirError("not-found", `No export job ${jobId} of this caller; use the Content-Location URL the kick-off returned.`);
}
