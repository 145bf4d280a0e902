import type { Database } from "../../db/database";
import type { SqlClient } from "../../db/sql-client";
import { FhirError } from "../fhir-error";

/** How long the SQL of one search may run on PostgreSQL before the server stops it. */
export const SEARCH_TIMEOUT_MS = 10_000;

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (or by a cancel request). */
const QUERY_CANCELED = "57014";

/**
 * Runs `work`, which only reads, with statements that PostgreSQL stops after `timeoutMs`, and
 * turns a stopped statement into a 503 `too-costly` OperationOutcome. Inside a FHIR transaction
 * the limit lasts only while `work` runs (see withinTransaction).
 *
 * NOTE: PGlite runs the query in this process's WebAssembly and never fires statement_timeout
 * (a 1 s pg_sleep under a 50 ms limit finishes), so on PGlite `work` runs without a limit. The
 * limits on parameters and values in parseSearchRequest are what bound a search there.
 */
export async function withStatementTimeout<T>(
  db: Database,
  timeoutMs: number,
  work: (sql: SqlClient) => Promise<T>,
  options: { genericPlan?: boolean } = {},
): Promise<T> {
  if (db.kind !== "postgres") {
    return work(db.sql);
  }
  try {
    return await db.transaction(work, { statementTimeoutMs: timeoutMs, readOnly: true, genericPlan: options.genericPlan });
  } catch (error) {
    if (isQueryCanceled(error)) {
      throw new FhirError(
        "too-costly",
        `The search ran longer than ${timeoutMs} ms and was stopped; narrow it with more selective parameters, fewer values or a smaller _count, and try again.`,
      );
    }
    throw error;
  }
}

function isQueryCanceled(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === QUERY_CANCELED;
}
