import { applyMigrations } from "./apply-migrations";
import { databaseOptionsFromEnv, openDatabase, type Database } from "./database";

const globalForDatabase = globalThis as typeof globalThis & { lakeviewDatabase?: Promise<Database> };

/**
 * Returns the process-wide database named by the environment, opened and migrated once. Next's
 * development server reloads modules, so the handle lives on globalThis rather than in a module
 * variable; PGlite allows only one open handle per data folder.
 */
export function getDatabase(): Promise<Database> {
  globalForDatabase.lakeviewDatabase ??= openDatabase(databaseOptionsFromEnv()).then(async (db) => {
    await applyMigrations(db);
    return db;
  });
  return globalForDatabase.lakeviewDatabase;
}
