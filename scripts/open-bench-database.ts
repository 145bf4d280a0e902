import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { openDatabase, type Database } from "@/lib/db/database";

/** A database for one benchmark run, the analytics schema to use in it, and how to remove both. */
export interface BenchDatabase {
  db: Database;
  schema: string;
  cleanUp: () => Promise<void>;
}

/**
 * Opens an empty database for a benchmark. PostgreSQL is BENCH_DATABASE_URL, else DATABASE_URL,
 * else postgresql://postgres@127.0.0.1:5432/test, in a new schema with its own analytics schema,
 * both dropped by `cleanUp`. PGlite uses a new temporary folder named with `folderPrefix`, which
 * `cleanUp` removes.
 */
export async function openBenchDatabase(backend: "pglite" | "postgres", folderPrefix: string): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  if (backend === "postgres") {
    const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
    const db = await openDatabase({ url, schema });
    return {
      db,
      schema: `${schema}_analytics`,
      cleanUp: async () => {
        await db.exec(`DROP SCHEMA "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_analytics" CASCADE`);
        await db.close();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), folderPrefix));
  const db = await openDatabase({ dataDir });
  return {
    db,
    schema: "analytics",
    cleanUp: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
