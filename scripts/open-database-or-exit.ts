import { databaseOptionsFromEnv, openDatabase, type Database } from "@/lib/db/database";
import { DatabaseOpenError } from "@/lib/db/database-open-error";

/**
 * Opens the database the environment names, or prints why it cannot be opened (a wrong
 * setting, an unreachable server, a PGlite folder held by another process) and exits with 1.
 */
export async function openDatabaseOrExit(): Promise<Database> {
  try {
    return await openDatabase(databaseOptionsFromEnv());
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
