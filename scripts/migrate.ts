// `npm run db:migrate`: applies pending migrations to the database the environment names.
import { applyMigrations } from "@/lib/db/apply-migrations";

import { openDatabaseOrExit } from "./open-database-or-exit";

const db = await openDatabaseOrExit();
try {
  const applied = await applyMigrations(db);
  console.log(applied.length > 0 ? `Applied ${applied.join(", ")}.` : "The database is up to date.");
} finally {
  await db.close();
}
