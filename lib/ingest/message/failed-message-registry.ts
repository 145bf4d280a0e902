import { createHash } from "node:crypto";

import type { SqlClient } from "../../db/sql-client";
import type { MessageFailure } from "./message-failure";

/**
 * Records failed messages in the failed_message table, keyed by the SHA-256 of the message
 * text: a message that fails again on a later run updates its row, with the latest reason and
 * time, instead of adding one. Plain SQL, like imported_file, to keep Prisma out of the import.
 */
export async function recordFailedMessages(sql: SqlClient, format: string, path: string, failures: readonly MessageFailure[]): Promise<void> {
  if (failures.length === 0) return;

  const hashes = failures.map((failure) => hashMessage(failure.text));
  await sql.execute(
    `INSERT INTO failed_message (content_hash, format, path, line, segment, reason, message)
     SELECT DISTINCT ON (hash) hash, $2, $3, line, segment, reason, message
     FROM unnest($1::text[], $4::int[], $5::text[], $6::text[], $7::text[]) AS f(hash, line, segment, reason, message)
     ON CONFLICT (content_hash) DO UPDATE
     SET path = excluded.path, line = excluded.line, segment = excluded.segment, reason = excluded.reason, last_failed_at = now()`,
    [hashes, format, path, failures.map((failure) => failure.line), failures.map((failure) => failure.segment), failures.map((failure) => failure.reason), failures.map((failure) => failure.text)],
  );
}

/** Returns the failed_message key of a message: the SHA-256 of its text, hex. */
export function hashMessage(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
