import type { Database } from "../../db/database";
import type { SqlClient } from "../../db/sql-client";

/**
 * Returns a Database whose statements all run on `sql`, an open transaction. A nested
 * `transaction` joins it instead of opening another, so every write of a FHIR transaction
 * commits or rolls back with the outer one.
 */
export function withinTransaction(db: Database, sql: SqlClient): Database {
  return { ...db, sql, transaction: (work) => work(sql) };
}
