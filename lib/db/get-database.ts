import { applyMigrations } from "./apply-migrations";
import { databaseOptionsFromEnv, openDatabase, type Database } from "./database";

const globalForDatabase = globalThis as typeof globalThis & { lakeviewDatabase?: Promise<Database> };

/**
 * Returns the process-wide database named by the environment, opened and migrated once. Next's
 * development server reloads modules, so the handle lives on globalThis rather than in a module
 * variable; PGlite allows only one open handle per data folder. A failed open is not kept: the
 * next call tries again, so a server process started while the database was unreachable serves
 * again once it is back.
 */
export function getDatabase(): Promise<Database> {
  globalForDatabase.lakeviewDatabase ??= openMigrated().catch((error: unknown) => {
    globalForDatabase.lakeviewDatabase = undefined;
    throw error;
  });
  return globalForDatabase.lakeviewDatabase;
}

/** Opens the database and applies the migrations, closing it again when they fail. */
async function openMigrated(): Promise<Database> {
  const db = await openDatabase(databaseOptionsFromEnv());
  try {
    await applyMigrations(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
