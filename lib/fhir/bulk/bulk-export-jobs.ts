import { randomUUID } from "node:crypto";

import type { SqlClient } from "../../db/sql-client";
import { toBulkExportJob, type BulkExportJob, type BulkExportJobRow, type ExportFile } from "./bulk-export-job";

/**
 * A running job's heartbeat older than this many seconds means its process stopped, so another
 * process may resume the job. The runner beats after every batch, which takes well under a second.
 */
export const STALE_HEARTBEAT_SECONDS = 30;

/** The fields a kick-off records; the rest of the row starts empty. */
export type NewBulkExportJob = Omit<BulkExportJob, "id" | "status" | "doneTypes" | "output" | "error">;

/** Stores a new job as in progress and returns it. */
export async function createBulkExportJob(sql: SqlClient, job: NewBulkExportJob): Promise<BulkExportJob> {
  const rows = await sql.query<BulkExportJobRow>(
    `INSERT INTO bulk_export_job (id, owner, scope, level, group_id, types, since, request_url, transaction_time, status, total_types)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6::text[], $7::timestamptz, $8, $9::timestamptz, 'in-progress', $10)
     RETURNING *`,
    [
      randomUUID(),
      job.owner,
      JSON.stringify(job.scope),
      job.level,
      job.groupId ?? null,
      job.types,
      job.since?.toISOString() ?? null,
      job.requestUrl,
      job.transactionTime.toISOString(),
      job.types.length,
    ],
  );
  return toBulkExportJob(firstRow(rows));
}

/** Reads a job that belongs to `owner`; undefined when it is absent or someone else's. */
export async function getBulkExportJob(sql: SqlClient, owner: string, id: string): Promise<BulkExportJob | undefined> {
  if (!isUuid(id)) return undefined;
  const rows = await sql.query<BulkExportJobRow>("SELECT * FROM bulk_export_job WHERE id = $1::uuid AND owner = $2", [id, owner]);
  return rows[0] ? toBulkExportJob(rows[0]) : undefined;
}

/**
 * Claims an in-progress job for this process: succeeds when no process has claimed it yet or
 * when the last heartbeat is stale. Returns the job, or undefined when another process runs it.
 */
export async function claimBulkExportJob(sql: SqlClient, id: string): Promise<BulkExportJob | undefined> {
  const rows = await sql.query<BulkExportJobRow>(
    `UPDATE bulk_export_job SET heartbeat_at = now()
     WHERE id = $1::uuid AND status = 'in-progress'
       AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => $2::int))
     RETURNING *`,
    [id, STALE_HEARTBEAT_SECONDS],
  );
  return rows[0] ? toBulkExportJob(rows[0]) : undefined;
}

/** Renews a running job's heartbeat; returns false when the job was cancelled meanwhile. */
export async function beatBulkExportJob(sql: SqlClient, id: string): Promise<boolean> {
  return (await sql.execute("UPDATE bulk_export_job SET heartbeat_at = now() WHERE id = $1::uuid AND status = 'in-progress'", [id])) === 1;
}

/** Records a finished type and its files; returns false when the job was cancelled meanwhile. */
export async function recordExportedType(sql: SqlClient, id: string, files: ExportFile[]): Promise<boolean> {
  const updated = await sql.execute(
    `UPDATE bulk_export_job SET done_types = done_types + 1, output = output || $2::jsonb, heartbeat_at = now()
     WHERE id = $1::uuid AND status = 'in-progress'`,
    [id, JSON.stringify(files)],
  );
  return updated === 1;
}

/** Marks a job completed or failed. */
export async function finishBulkExportJob(sql: SqlClient, id: string, result: { status: "completed" } | { status: "failed"; error: string }): Promise<void> {
  await sql.execute("UPDATE bulk_export_job SET status = $2, error = $3 WHERE id = $1::uuid AND status = 'in-progress'", [
    id,
    result.status,
    result.status === "failed" ? result.error : null,
  ]);
}

/** Removes a job's row; returns false when it was absent or someone else's. */
export async function removeBulkExportJob(sql: SqlClient, owner: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return (await sql.execute("DELETE FROM bulk_export_job WHERE id = $1::uuid AND owner = $2", [id, owner])) === 1;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function firstRow(rows: BulkExportJobRow[]): BulkExportJobRow {
  const row = rows[0];
  if (!row) throw new Error("INSERT … RETURNING returned no row");
  return row;
}
