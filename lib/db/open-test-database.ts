import { randomBytes } from "node:crypto";

import { applyMigrations } from "./apply-migrations";
import { openDatabase, type Database } from "./database";

/**
 * Opens an empty, migrated database for one test file. With TEST_DATABASE_URL set it is a fresh
 * schema in that PostgreSQL database, dropped again by `close`; otherwise an in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ dataDir: "memory://" });
    await applyMigrations(db);
    return db;
  }

  const schema = `test_${randomBytes(6).toString("hex")}`;
  const db = await openDatabase({ url, schema });
  await applyMigrations(db);
  return {
    ...db,
    close: async () => {
      await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}
