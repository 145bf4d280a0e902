import type { Database } from "../../db/database";
import { ImportRun, type ImportOptions } from "../import-paths";
import type { ImportReport } from "../import-report";
import { ImportedFileRegistry } from "../imported-file-registry";
import { readMessagesInput, type MessagesInput } from "./read-messages-input";

/** The outcome of re-processing the failed_message table. */
export interface RetryOutcome {
  report: ImportReport;
  /** Messages read from failed_message. */
  retried: number;
  /** Messages that converted and stored this time, and were removed from failed_message. */
  resolved: number;
}

interface FailedMessageRow {
  content_hash: string;
  format: string;
  path: string;
  line: number;
  message: string;
}

/**
 * Imports every message kept in failed_message again, as the import would from its file, and
 * removes those that are now stored (or that an earlier run already stored). A message that
 * fails again keeps its row, with the new reason. Use it after fixing a converter or the data
 * it rejected.
 */
export async function retryFailedMessages(db: Database, options: ImportOptions = {}): Promise<RetryOutcome> {
  const started = performance.now();
  const rows = await db.sql.query<FailedMessageRow>("SELECT content_hash, format, path, line, message FROM failed_message ORDER BY path, line");
  const byPath = new Map<string, FailedMessageRow[]>();
  for (const row of rows) byPath.set(row.path, [...(byPath.get(row.path) ?? []), row]);
  const run = new ImportRun(db, [], await ImportedFileRegistry.load(db.sql), options);

  for (const [path, group] of byPath) {
    await run.importMessages(path, readStoredMessages(group));
  }
  await run.finish();
  run.report.files.total = byPath.size;
  run.report.elapsedMs = performance.now() - started;

  const failing = new Set(run.report.rejections.flatMap((rejection) => rejection.messageHash ?? []));
  const resolved = rows.filter((row) => !failing.has(row.content_hash)).map((row) => row.content_hash);
  if (resolved.length > 0) await db.sql.execute("DELETE FROM failed_message WHERE content_hash = ANY($1::text[])", [resolved]);
  return { report: run.report, retried: rows.length, resolved: resolved.length };
}

/** Converts the stored messages of one file, moving each to the line where it started in that file. */
function readStoredMessages(rows: readonly FailedMessageRow[]): MessagesInput {
  const format = rows[0]?.format === "x12" ? "x12" : "hl7v2";
  const merged: MessagesInput = { kind: "messages", format, messages: [], failures: [] };
  for (const row of rows) {
    const input = readMessagesInput(format, row.message);
    const first = Math.min(...input.messages.map((message) => message.line), ...input.failures.map((failure) => failure.line));
    const shift = Number.isFinite(first) ? row.line - first : 0;
    merged.messages.push(...input.messages.map((message) => ({ ...message, line: message.line + shift })));
    merged.failures.push(...input.failures.map((failure) => ({ ...failure, line: failure.line + shift })));
  }
  return merged;
}
