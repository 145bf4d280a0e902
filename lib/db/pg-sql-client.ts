import type pg from "pg";

import type { SqlClient } from "./sql-client";

/** Wraps a pg pool or pool client, whose `query` both take `$1`-style parameters. */
export function pgSqlClient(queryable: pg.Pool | pg.PoolClient): SqlClient {
  return {
    query: async <T>(text: string, values?: unknown[]): Promise<T[]> => (await queryable.query(text, values)).rows as T[],
    execute: async (text, values) => (await queryable.query(text, values)).rowCount ?? 0,
  };
}
