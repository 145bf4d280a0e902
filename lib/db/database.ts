import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { logger } from "../log/logger";
import { toErrorFields } from "../log/to-error-fields";
import { DatabaseOpenError } from "./database-open-error";
import { PrismaClient } from "./generated/client";
import { lockDataDir } from "./lock-data-dir";
import { pgSqlClient } from "./pg-sql-client";
import { pgliteSqlClient } from "./pglite-sql-client";
import type { SqlClient } from "./sql-client";

export type DatabaseKind = "pglite" | "postgres";

/** An open database: the Prisma client for the typed models, plus the plain driver for the store's SQL. */
export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs each statement on its own, outside any transaction. */
  sql: SqlClient;
  /**
   * Runs `fn` in one transaction on one connection and commits when it resolves. When it throws,
   * the transaction is rolled back and the error is rethrown.
   */
  transaction<T>(fn: (sql: SqlClient) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs SQL that may contain several statements and takes no parameters (migrations, DDL) on one
   * connection. When it fails, an open transaction on that connection is rolled back.
   */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * PostgreSQL stops any statement of the transaction that runs longer than this. PGlite ignores
   * it, because it never fires statement_timeout.
   */
  statementTimeoutMs?: number;
  /**
   * The work only reads. At READ COMMITTED each statement takes its own snapshot, in a
   * transaction or not, so with a statement timeout PostgreSQL runs it without BEGIN and COMMIT,
   * on connections that start with that timeout, which saves two round trips. Inside an open
   * transaction it joins that transaction as any work does.
   */
  readOnly?: boolean;
  /**
   * With readOnly and a statement timeout: PostgreSQL plans each prepared statement once per
   * connection for any parameter values (plan_cache_mode force_generic_plan). This saves the
   * planning for statements whose best plan does not depend on the values, such as a search of
   * one patient's resources, where planning can cost more than running the statement.
   */
  genericPlan?: boolean;
}

export interface DatabaseOptions {
  /** A postgresql:// URL; without it the embedded PGlite database is used. */
  url?: string;
  /** PGlite's data folder; "memory://" keeps the database in memory. */
  dataDir?: string;
  /** PostgreSQL schema to use instead of "public"; tests use one per file. */
  schema?: string;
}

/** The PGlite data folder used when neither DATABASE_URL nor LAKEVIEW_DATA_DIR is set. */
export const defaultDataDir = path.resolve(process.cwd(), ".data/pglite");

/**
 * Opens the database that the environment names: PostgreSQL when DATABASE_URL is set,
 * otherwise PGlite in LAKEVIEW_DATA_DIR (default `.data/pglite`).
 */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) {
    assertPostgresUrl(env.DATABASE_URL);
    if (env.DATABASE_SCHEMA !== undefined) assertSchemaName(env.DATABASE_SCHEMA);
    return { url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA };
  }
  return { dataDir: env.LAKEVIEW_DATA_DIR ?? defaultDataDir };
}

function assertPostgresUrl(url: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme !== "postgresql" && scheme !== "postgres") {
    throw new DatabaseOpenError(
      `DATABASE_URL starts with "${scheme ?? url.slice(0, 12)}", not postgresql://; give a PostgreSQL URL such as postgresql://user@127.0.0.1:5432/lakeview, or unset it to use PGlite.`,
    );
  }
}

function assertSchemaName(schema: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new DatabaseOpenError(
      `DATABASE_SCHEMA "${schema}" is not a plain PostgreSQL name; use up to 63 letters, digits and underscores, not starting with a digit.`,
    );
  }
}

/** Returns host, port and database of a PostgreSQL URL, without user name or password, for error messages. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the server in DATABASE_URL";
  }
}

/** Opens PostgreSQL or PGlite with a Prisma client over it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    return openPostgres(options.url, options.schema);
  }
  return openPglite(options.dataDir ?? defaultDataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === "memory://";
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  const client = await PGlite.create(inMemory ? undefined : dataDir).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });

  return {
    kind: "pglite",
    prisma,
    sql: pgliteSqlClient(client),
    transaction: (fn) => client.transaction((tx) => fn(pgliteSqlClient(tx))),
    exec: async (sql) => {
      try {
        await client.exec(sql);
      } catch (error) {
        await client.exec("ROLLBACK");
        throw error;
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await client.close();
      unlock();
    },
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  const searchPath = schema ? `-c search_path="${schema.replaceAll('"', "")}"` : undefined;
  const pool = new pg.Pool({ connectionString: url, max: 8, options: searchPath });
  // Pools for read-only work under a statement timeout, one per timeout and plan mode, made on first use.
  const boundedPools = new Map<string, pg.Pool>();
  let closed = false;
  const boundedSql = (timeoutMs: number, genericPlan: boolean): SqlClient => {
    if (closed) throw new Error("The database is closed. Open it again before running statements.");
    const setting = toTimeoutMs(timeoutMs);
    const key = `${setting}${genericPlan ? " generic" : ""}`;
    let bounded = boundedPools.get(key);
    if (!bounded) {
      const settings = [searchPath, `-c statement_timeout=${setting}`, genericPlan ? "-c plan_cache_mode=force_generic_plan" : undefined];
      bounded = new pg.Pool({ connectionString: url, max: 8, options: settings.filter(Boolean).join(" ") });
      // An idle connection that the server drops (a restart, pg_terminate_backend) is reported
      // here; without a listener it would be an uncaught exception. The pool replaces it.
      bounded.on("error", (error) => logger.warn(toErrorFields(error), "idle PostgreSQL connection of a search pool failed"));
      boundedPools.set(key, bounded);
    }
    return pgSqlClient(bounded);
  };
  try {
    await pool.query(schema ? `CREATE SCHEMA IF NOT EXISTS "${schema.replaceAll('"', "")}"` : "SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseOpenError(
      `Could not open PostgreSQL at ${describeServer(url)} (${reason}); check that the server runs and that DATABASE_URL names a user and database it accepts.`,
      { cause: error },
    );
  }
  const adapter = new PrismaPg(pool, schema ? { schema } : undefined);
  const prisma = new PrismaClient({ adapter });

  return {
    kind: "postgres",
    prisma,
    sql: pgSqlClient(pool),
    transaction: (fn, options) =>
      options?.readOnly && options.statementTimeoutMs !== undefined
        ? fn(boundedSql(options.statementTimeoutMs, options.genericPlan ?? false))
        : runPgTransaction(pool, fn, options),
    exec: async (sql) => {
      const connection = await pool.connect();
      try {
        await connection.query(sql);
      } catch (error) {
        await connection.query("ROLLBACK");
        throw error;
      } finally {
        connection.release();
      }
    },
    close: async () => {
      closed = true;
      await prisma.$disconnect();
      await Promise.all([pool, ...boundedPools.values()].map((each) => each.end()));
    },
  };
}

async function runPgTransaction<T>(pool: pg.Pool, fn: (sql: SqlClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const connection = await pool.connect();
  let result: T;
  try {
    // A statement without parameters may hold several, so the timeout costs no round trip of its own.
    await connection.query(options.statementTimeoutMs === undefined ? "BEGIN" : `BEGIN; SET LOCAL statement_timeout = ${toTimeoutSetting(options.statementTimeoutMs)}`);
    result = await fn(pgSqlClient(connection));
    await connection.query("COMMIT");
  } catch (error) {
    await rollbackOrDiscard(connection);
    throw error;
  }
  connection.release();
  return result;
}

/** Formats a timeout as a quoted statement_timeout value in whole milliseconds (see toTimeoutMs). */
export function toTimeoutSetting(timeoutMs: number): string {
  return `'${toTimeoutMs(timeoutMs)}ms'`;
}

/** Rounds a timeout to whole milliseconds of at least 1, because 0 would turn the limit off. */
function toTimeoutMs(timeoutMs: number): number {
  return Math.max(1, Math.round(timeoutMs));
}

/**
 * Rolls back and returns the connection to the pool. A connection that cannot even roll back is
 * broken, so it is closed instead of being handed to the next caller.
 */
async function rollbackOrDiscard(connection: pg.PoolClient): Promise<void> {
  try {
    await connection.query("ROLLBACK");
    connection.release();
  } catch (rollbackError) {
    connection.release(rollbackError instanceof Error ? rollbackError : true);
  }
}
