/**
 * SQL on the plain driver (pg or PGlite), without Prisma: parameters go to the driver as they
 * are, with no JSON round trip. The store runs its own SQL through it, so that writes can be
 * batched and read the same on PGlite and PostgreSQL.
 */
export interface SqlClient {
  /** Runs one statement and returns its rows. */
  query<T>(text: string, values?: unknown[], options?: StatementOptions): Promise<T[]>;
  /** Runs one statement and returns the number of rows it inserted, updated or deleted. */
  execute(text: string, values?: unknown[], options?: StatementOptions): Promise<number>;
  /**
   * Runs `COPY … FROM STDIN` with `rows` as its input, in COPY's text format (one line per row,
   * columns separated by tabs) as a string or its UTF-8 bytes, and returns the number of rows
   * copied. Only the PostgreSQL
   * client has it; callers fall back to INSERT on PGlite.
   */
  copyFrom?(statement: string, rows: string | Uint8Array): Promise<number>;
}

export interface StatementOptions {
  /**
   * Keeps the statement prepared on its connection, so that PostgreSQL may plan it once for all
   * later runs of the same text. For statements that run on every request, whose planning costs
   * more than their execution. PGlite ignores it.
   */
  prepare?: boolean;
}
