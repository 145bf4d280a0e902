import type { Database } from "../../db/database";
import { quoteIdentifier } from "../write-view-rows";
import { CONSOLE_SCHEMA, QUERY_TIMEOUT_MS, SHOWN_ROW_LIMIT } from "./analyst-query-limits";
import { ANALYST_ROLE } from "./analyst-role";
import { listAnalyticsTables } from "./list-analytics-tables";
import { readStatement } from "./read-statement";
import { toAnalystQueryError } from "./to-analyst-query-error";

export interface AnalystQueryOptions {
  /** The schema the query reads; CONSOLE_SCHEMA when absent. */
  schema?: string;
  /** Rows returned at most; SHOWN_ROW_LIMIT when absent. */
  rowLimit?: number;
  /** QUERY_TIMEOUT_MS when absent. */
  timeoutMs?: number;
}

/** The result of an admin query, every value as PostgreSQL's text output (JSON for json and arrays). */
export interface AnalystQueryResult {
  columns: string[];
  rows: (string | null)[][];
  /** True when the query returned more than the row limit, and only the first rows are here. */
  truncated: boolean;
}

/** Thrown inside the transaction to carry the result out of it, so the transaction rolls back. */
class RollbackWithResult {
  constructor(readonly result: AnalystQueryResult) {}
}

/**
 * Runs one admin SELECT against the analytics schema and returns its columns and rows. The query
 * runs in a READ ONLY transaction with a statement timeout, as ANALYST_ROLE, through the
 * SECURITY DEFINER function the migration created, so it cannot switch back to the portal's own
 * role. The transaction always rolls back, which also undoes any setting the query changed with
 * set_config. Throws FhirError "invalid" (or "forbidden" for objects outside the schema) with a
 * message that names the problem and the fix.
 * NOTE: PGlite does not enforce statement_timeout, because it runs PostgreSQL in one thread
 * without timers. There the migration takes pg_sleep away from the role, but a costly join still
 * runs to its end.
 */
export async function runAnalystQuery(db: Database, sql: string, options: AnalystQueryOptions = {}): Promise<AnalystQueryResult> {
  const statement = readStatement(sql);
  const schema = options.schema ?? CONSOLE_SCHEMA;
  const rowLimit = options.rowLimit ?? SHOWN_ROW_LIMIT;
  const timeoutMs = options.timeoutMs ?? QUERY_TIMEOUT_MS;

  const [home] = await db.sql.query<{ schema: string }>("SELECT current_schema() AS schema");
  const runner = `${quoteIdentifier(home?.schema ?? "public")}.lakeview_run_analyst_query`;

  try {
    await db.transaction(async (tx) => {
      await tx.execute("SET TRANSACTION READ ONLY");
      await tx.execute(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`);
      await tx.execute(`SET LOCAL search_path = ${quoteIdentifier(schema)}`);
      await tx.execute(`SET LOCAL ROLE ${ANALYST_ROLE}`);
      const rows = await tx.query<{ row: unknown }>(`SELECT row FROM ${runner}($1, $2) AS row`, [statement, rowLimit + 1]);
      throw new RollbackWithResult(toResult(rows.map((each) => each.row), rowLimit));
    });
  } catch (error) {
    if (error instanceof RollbackWithResult) return error.result;
    const tables = (await listAnalyticsTables(db.sql, schema)).map((table) => table.name);
    throw toAnalystQueryError(error, statement, tables, timeoutMs);
  }
  throw new Error("The analyst query transaction ended without a result");
}

/** Splits the function's rows into column names (the first row, null for a query with no columns) and text values. */
function toResult(rows: unknown[], rowLimit: number): AnalystQueryResult {
  const [header, ...data] = rows;
  const columns = Array.isArray(header) ? header.map(String) : [];
  return { columns, rows: data.slice(0, rowLimit).map(toTextRow), truncated: data.length > rowLimit };
}

function toTextRow(row: unknown): (string | null)[] {
  if (!Array.isArray(row)) return [];
  return row.map((value) => (value === null ? null : String(value)));
}
