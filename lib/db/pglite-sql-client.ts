import type { PGlite, Transaction } from "@electric-sql/pglite";

import type { SqlClient } from "./sql-client";

/** Wraps a PGlite instance or one of its transactions. */
export function pgliteSqlClient(queryable: PGlite | Transaction): SqlClient {
  return {
    query: async <T>(text: string, values?: unknown[]): Promise<T[]> => (await queryable.query<T>(text, values)).rows,
    execute: async (text, values) => (await queryable.query(text, values)).affectedRows ?? 0,
  };
}
