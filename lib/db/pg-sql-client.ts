import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";

import type { SqlClient } from "./sql-client";

/** Wraps a pg pool or pool client, whose `query` both take `$1`-style parameters. */
export function pgSqlClient(queryable: pg.Pool | pg.PoolClient): SqlClient {
  return {
    query: async <T>(text: string, values?: unknown[]): Promise<T[]> => (await queryable.query(text, values)).rows as T[],
    execute: async (text, values) => (await queryable.query(text, values)).rowCount ?? 0,
    copyFrom: (statement, rows) => (isPool(queryable) ? withConnection(queryable, (client) => copyRows(client, statement, rows)) : copyRows(queryable, statement, rows)),
  };
}

function isPool(queryable: pg.Pool | pg.PoolClient): queryable is pg.Pool {
  return !("release" in queryable);
}

async function withConnection<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

async function copyRows(client: pg.PoolClient, statement: string, rows: string): Promise<number> {
  const stream = client.query(copyFromStdin(statement));
  await pipeline(Readable.from([Buffer.from(rows, "utf8")]), stream);
  return stream.rowCount;
}
