import { randomUUID } from "node:crypto";

import type { Database } from "../db/database";
import type { SqlClient } from "../db/sql-client";
import type { ImportReport } from "./import-report";
import { toImportIssues } from "./to-import-issues";

/** The starter of an import run: `npm run import` (cli), or a server route (api). */
export type ImportSource = "cli" | "api";

/**
 * Runs an import and records it in import_run and import_issue: a running row first, so the
 * admin page shows an import in progress, then its counts, status and issues in one transaction.
 * When `work` throws, the run is marked failed and the error is rethrown. Plain SQL, like the
 * rest of the import, to keep Prisma's query compiler out of it.
 */
export async function recordImportRun<T extends { report: ImportReport }>(db: Database, source: ImportSource, work: () => Promise<T>): Promise<T & { runId: string }> {
  const runId = randomUUID();
  await db.sql.execute("INSERT INTO import_run (id, source, status) VALUES ($1, $2, 'running')", [runId, source]);

  let result: T;
  try {
    result = await work();
  } catch (error) {
    await db.sql.execute("UPDATE import_run SET status = 'failed', finished_at = now() WHERE id = $1", [runId]).catch((markError: unknown) => {
      throw new AggregateError([error, markError], "The import failed, and marking its import_run row as failed failed too.");
    });
    throw error;
  }

  await db.transaction((sql) => saveRunOutcome(sql, runId, result.report));
  return { ...result, runId };
}

/** Writes a finished run's counts and issues; writing the same report again leaves the same rows. */
export async function saveRunOutcome(sql: SqlClient, runId: string, report: ImportReport): Promise<void> {
  const counts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  for (const typeCounts of report.byType.values()) {
    counts.created += typeCounts.created;
    counts.updated += typeCounts.updated;
    counts.unchanged += typeCounts.unchanged + typeCounts.existing;
    counts.deleted += typeCounts.deleted;
  }
  await sql.execute(
    `UPDATE import_run SET status = 'finished', finished_at = now(), file_count = $2, created = $3, updated = $4, unchanged = $5, deleted = $6, rejected = $7, warnings = $8, failed = $9
     WHERE id = $1`,
    [runId, report.files.total, counts.created, counts.updated, counts.unchanged, counts.deleted, report.rejections.length - report.files.failed, report.warnings.length, report.files.failed],
  );

  const issues = toImportIssues(report);
  await sql.execute("DELETE FROM import_issue WHERE run_id = $1", [runId]);
  if (issues.length === 0) return;
  await sql.execute(
    `INSERT INTO import_issue (run_id, position, file_path, line, message_control_id, resource, location, severity, code, text, failed_message_hash)
     SELECT $1, position - 1, file_path, line, message_control_id, resource, location, severity, code, text, failed_message_hash
     FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       WITH ORDINALITY AS i(file_path, line, message_control_id, resource, location, severity, code, text, failed_message_hash, position)`,
    [
      runId,
      issues.map((issue) => issue.filePath),
      issues.map((issue) => issue.line),
      issues.map((issue) => issue.messageControlId),
      issues.map((issue) => issue.resource),
      issues.map((issue) => issue.location),
      issues.map((issue) => issue.severity),
      issues.map((issue) => issue.code),
      issues.map((issue) => issue.text),
      issues.map((issue) => issue.failedMessageHash),
    ],
  );
}
