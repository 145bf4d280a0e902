import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";

import type { Database } from "../../db/database";
import { logger } from "../../log/logger";
import { toErrorFields } from "../../log/to-error-fields";
import { isFhirError } from "../fhir-error";
import { readInScope } from "../search/read-in-scope";
import type { PatientSelection } from "../search/build-patient-data-condition";
import type { BulkExportJob, ExportFile } from "./bulk-export-job";
import { beatBulkExportJob, claimBulkExportJob, finishBulkExportJob, recordExportedType } from "./bulk-export-jobs";
import { listExportBatch } from "./list-export-batch";
import { jobExportDir } from "./resolve-export-dir";

/** Settings of an export run. */
export interface ExportRunOptions {
  exportDir: string;
  /** A type's file is split after this many resources. */
  maxResourcesPerFile: number;
  /** Resources read per statement. */
  batchSize: number;
}

/** The defaults: files of at most 10,000 resources, read 500 at a time. */
export const DEFAULT_EXPORT_RUN_OPTIONS: Omit<ExportRunOptions, "exportDir"> = { maxResourcesPerFile: 10_000, batchSize: 500 };

/** Thrown inside a run when the job's row is gone or no longer in progress (it was cancelled). */
class ExportCancelled extends Error {}

/**
 * Runs an in-progress job from its first unfinished type to the end, when this process can claim
 * it. Each finished type's files are recorded in the job row, so a run that stops (a restart)
 * leaves the finished types in place, and the next run redoes only the type it was writing.
 */
export async function runBulkExport(db: Database, jobId: string, options: ExportRunOptions): Promise<void> {
  const job = await claimBulkExportJob(db.sql, jobId);
  if (!job) return;
  const folder = jobExportDir(options.exportDir, job.id);
  logger.info({ jobId, level: job.level, doneTypes: job.doneTypes, totalTypes: job.types.length }, "bulk export started");

  try {
    await mkdir(folder, { recursive: true });
    const selection = await patientSelectionOf(db, job);
    for (const resourceType of job.types.slice(job.doneTypes)) {
      const files = await exportType(db, job, selection, resourceType, folder, options);
      if (!(await recordExportedType(db.sql, job.id, files))) throw new ExportCancelled();
    }
    await finishBulkExportJob(db.sql, job.id, { status: "completed" });
    logger.info({ jobId }, "bulk export completed");
  } catch (error) {
    if (error instanceof ExportCancelled) {
      await rm(folder, { recursive: true, force: true });
      logger.info({ jobId }, "bulk export cancelled");
      return;
    }
    logger.error({ jobId, ...toErrorFields(error) }, "bulk export failed");
    const message = isFhirError(error) ? error.message : `The export failed on the server; report job ${jobId} to the portal team.`;
    await finishBulkExportJob(db.sql, job.id, { status: "failed", error: message });
  }
}

/** Returns the patients a Patient or Group export covers, or undefined for a system export, which takes every resource. */
async function patientSelectionOf(db: Database, job: BulkExportJob): Promise<PatientSelection | undefined> {
  if (job.level === "system") return undefined;
  if (job.level === "patient") {
    return job.scope.kind === "patients" ? { kind: "ids", ids: job.scope.patientIds } : { kind: "all" };
  }
  const group = await readInScope(db.sql, job.scope, "Group", job.groupId ?? "");
  return { kind: "ids", ids: groupMemberIds(group.resource) };
}

/** Lists the ids of the Patients that a Group's member.entity references point to. */
export function groupMemberIds(group: unknown): string[] {
  const members = (group as { member?: { entity?: { reference?: string } }[] }).member ?? [];
  return members.flatMap((member) => /^Patient\/([A-Za-z0-9.-]{1,64})$/.exec(member.entity?.reference ?? "")?.[1] ?? []);
}

/**
 * Writes one type to `Type-1.ndjson`, `Type-2.ndjson`… in the job's folder, first removing what an
 * interrupted run left of that type. Returns the files written; a type with no resources has none.
 */
async function exportType(db: Database, job: BulkExportJob, selection: PatientSelection | undefined, resourceType: string, folder: string, options: ExportRunOptions): Promise<ExportFile[]> {
  await removeTypeFiles(folder, resourceType);
  const files: ExportFile[] = [];
  let writer: NdjsonWriter | undefined;
  let afterId = "";

  for (;;) {
    const batch = await listExportBatch(db.sql, job, selection, resourceType, afterId, options.batchSize);
    for (const row of batch) {
      if (!writer || writer.count >= options.maxResourcesPerFile) {
        if (writer) files.push(await writer.close());
        writer = new NdjsonWriter(folder, resourceType, files.length + 1);
      }
      await writer.write(row.content);
    }
    if (batch.length < options.batchSize) break;
    afterId = batch[batch.length - 1]?.id ?? afterId;
    if (!(await beatBulkExportJob(db.sql, job.id))) throw new ExportCancelled();
  }

  if (writer) files.push(await writer.close());
  return files;
}

async function removeTypeFiles(folder: string, resourceType: string): Promise<void> {
  const names = await readdir(folder);
  const pattern = new RegExp(`^${resourceType}-\\d+\\.ndjson$`);
  await Promise.all(names.filter((name) => pattern.test(name)).map((name) => rm(path.join(folder, name), { force: true })));
}

/** One NDJSON file being written: one resource per line. */
class NdjsonWriter {
  count = 0;
  private readonly file: string;
  private readonly stream;

  constructor(folder: string, private readonly resourceType: string, sequence: number) {
    this.file = `${resourceType}-${sequence}.ndjson`;
    this.stream = createWriteStream(path.join(folder, this.file), { encoding: "utf8" });
  }

  async write(resource: unknown): Promise<void> {
    this.count += 1;
    if (!this.stream.write(`${JSON.stringify(resource)}\n`)) await once(this.stream, "drain");
  }

  async close(): Promise<ExportFile> {
    this.stream.end();
    await once(this.stream, "finish");
    return { type: this.resourceType, file: this.file, count: this.count };
  }
}
