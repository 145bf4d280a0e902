import { toTimeoutSetting, type Database, type TransactionOptions } from "../../db/database";
import type { SqlClient } from "../../db/sql-client";

/**
 * Returns a Database whose statements all run on `sql`, an open transaction. A nested
 * `transaction` joins it instead of opening another, so every write of a FHIR transaction
 * commits or rolls back with the outer one.
 */
export function withinTransaction(db: Database, sql: SqlClient): Database {
  return { ...db, sql, transaction: (work, options) => joinTransaction(db, sql, work, options) };
}

/**
 * Runs `work` on the open transaction. A statement timeout lasts only while `work` runs: the
 * setting is put back afterwards, so the writes that follow keep the server's own limit.
 */
async function joinTransaction<T>(db: Database, sql: SqlClient, work: (sql: SqlClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (options.statementTimeoutMs === undefined || db.kind !== "postgres") return work(sql);

  const [setting] = await sql.query<{ previous: string }>(
    `SELECT current_setting('statement_timeout') AS previous, set_config('statement_timeout', ${toTimeoutSetting(options.statementTimeoutMs)}, true)`,
  );
  const result = await work(sql);
  await sql.query("SELECT set_config('statement_timeout', $1, true)", [setting?.previous ?? "0"]);
  return result;
}
