import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";

import type { SqlClient, StatementOptions } from "./sql-client";

/**
 * Most statement texts this process keeps prepared. Search statements differ with every
 * combination of parameters, so past this many the rest run unprepared, and no run of unusual
 * searches fills the server's memory with plans.
 */
const maxPreparedTexts = 200;
const statementNames = new Map<string, string>();

/** Wraps a pg pool or pool client, whose `query` both take `$1`-style parameters. */
export function pgSqlClient(queryable: pg.Pool | pg.PoolClient): SqlClient {
  const run = (text: string, values: unknown[] | undefined, options: StatementOptions | undefined) => {
    const name = options?.prepare ? statementName(text) : undefined;
    return name === undefined ? queryable.query(text, values) : queryable.query({ name, text, values });
  };
  return {
    query: async <T>(text: string, values?: unknown[], options?: StatementOptions): Promise<T[]> => (await run(text, values, options)).rows as T[],
    execute: async (text, values, options) => (await run(text, values, options)).rowCount ?? 0,
    copyFrom: (statement, rows) => (isPool(queryable) ? withConnection(queryable, (client) => copyRows(client, statement, rows)) : copyRows(queryable, statement, rows)),
  };
}

/** Names a statement text after its hash, so every connection prepares it under one name. */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < maxPreparedTexts) {
    name = `lakeview_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
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

async function copyRows(client: pg.PoolClient, statement: string, rows: string | Uint8Array): Promise<number> {
  const stream = client.query(copyFromStdin(statement));
  await pipeline(Readable.from([typeof rows === "string" ? Buffer.from(rows, "utf8") : rows]), stream);
  return stream.rowCount;
}
