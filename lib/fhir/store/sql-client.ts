/**
 * The part of a Prisma client (or of an interactive transaction) that the store uses: it runs
 * its own SQL so that writes can be batched and read the same on PGlite and PostgreSQL.
 */
export interface SqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}
