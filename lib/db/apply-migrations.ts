import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { Database } from "./database";

/**
 * prisma/migrations of this project. Next's server bundle has no import.meta.dirname, and there
 * the process runs in the project folder, as `next start` requires.
 */
export const migrationsDir = import.meta.dirname
  ? path.resolve(import.meta.dirname, "../../prisma/migrations")
  : path.resolve(process.cwd(), "prisma/migrations");

// Prisma Migrate's own bookkeeping table, so `prisma migrate status` on a machine that has the
// schema engine reports these migrations as applied.
const createBookkeeping = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedMigration {
  migration_name: string;
  checksum: string;
}

/**
 * Applies the migrations in prisma/migrations that the database has not seen and returns their
 * names. Each runs in one transaction together with its `_prisma_migrations` row (Prisma's
 * SHA-256 checksum of the file), under a table lock, so a failed or concurrent run leaves
 * either the whole migration or none of it.
 */
export async function applyMigrations(db: Database, dir: string = migrationsDir): Promise<string[]> {
  await db.exec(createBookkeeping);
  const appliedNow: string[] = [];

  for (const name of await listMigrationNames(dir)) {
    const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = (await listApplied(db)).get(name);

    if (previous) {
      assertUnchanged(name, previous, checksum);
      continue;
    }
    try {
      await db.exec(wrapInTransaction(name, sql, checksum));
      appliedNow.push(name);
    } catch (error) {
      // Another process may have applied it while this one waited for the lock.
      if (!(await listApplied(db)).has(name)) {
        throw new Error(`Migration ${name} failed and was rolled back: ${String(error)}`, { cause: error });
      }
    }
  }
  return appliedNow;
}

function wrapInTransaction(name: string, sql: string, checksum: string): string {
  const quotedName = name.replaceAll("'", "''");
  return `BEGIN;
LOCK TABLE "_prisma_migrations" IN SHARE ROW EXCLUSIVE MODE;
${sql}
;
INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
VALUES ('${randomUUID()}', '${checksum}', now(), '${quotedName}', 1);
COMMIT;`;
}

async function listApplied(db: Database): Promise<Map<string, AppliedMigration>> {
  const rows = await db.prisma.$queryRawUnsafe<AppliedMigration[]>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function assertUnchanged(name: string, previous: AppliedMigration, checksum: string): void {
  if (previous.checksum !== checksum) {
    throw new Error(
      `Migration ${name} was edited after it was applied (checksum ${previous.checksum} in the database, ${checksum} on disk); ` +
        "restore the applied file and put the change in a new migration.",
    );
  }
}

async function listMigrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
