import { stat } from "node:fs/promises";
import path from "node:path";

import type { Database } from "../../db/database";
import { FhirError } from "../fhir-error";
import { getBulkExportJob } from "./bulk-export-jobs";
import { jobExportDir } from "./resolve-export-dir";

/**
 * Returns the path of one output file of a completed job that belongs to `owner`. A file of
 * someone else's job, of an unfinished job, or not in the manifest gets the same not-found error
 * as an absent one.
 */
export async function openExportFile(db: Database, owner: string, jobId: string, fileName: string, exportDir: string): Promise<{ path: string; size: number }> {
  const missing = new FhirError("not-found", `The export file ${jobId}/${fileName} is not available; take the file URLs from the completed job's manifest.`);
  const job = await getBulkExportJob(db.sql, owner, jobId);
  if (!job || job.status !== "completed" || !job.output.some((file) => file.file === fileName)) throw missing;

  const filePath = path.join(jobExportDir(exportDir, job.id), fileName);
  const info = await stat(filePath).catch(() => undefined);
  if (!info) throw missing;
  return { path: filePath, size: info.size };
}
