import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations, migrationsDir } from "./apply-migrations";
import type { Database } from "./database";
import { openTestDatabase } from "./open-test-database";

let db: Database;
const folders: string[] = [];

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakeview-migrations-"));
  folders.push(dir);
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("applyMigrations", () => {
  it("records migrations in Prisma's table and applies none twice", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"`,
    );

    expect(rows.map((row) => row.migration_name)).toContain("20261204000000_init");
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);
    await expect(applyMigrations(db)).resolves.toEqual([]);
  });

  it("rejects an applied migration edited afterwards", async () => {
    const dir = await copyMigrations();
    await writeFile(path.join(dir, "20261204000000_init", "migration.sql"), "-- edited\n", { flag: "a" });

    await expect(applyMigrations(db, dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls back a failing migration whole", async () => {
    const dir = await copyMigrations();
    await cp(path.join(migrationsDir, "20261204000000_init"), path.join(dir, "20990101000000_broken"), { recursive: true });
    await writeFile(path.join(dir, "20990101000000_broken", "migration.sql"), 'CREATE TABLE "half_done" (id int);\nSELECT no_such_function();\n');

    await expect(applyMigrations(db, dir)).rejects.toThrow(/20990101000000_broken failed and was rolled back/);

    const tables = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    expect(tables[0]?.n).toBe(0);
  });

  it("lets Prisma models read and write the migrated tables", async () => {
    const user = await db.prisma.user.create({
      data: { email: "migrated@lakeview.example", name: "Test User", passwordHash: "x", role: "care_manager" },
    });

    await db.prisma.carePanelMember.create({ data: { careManagerId: user.id, patientId: "p-1" } });

    const found = await db.prisma.user.findUnique({ where: { email: "migrated@lakeview.example" }, include: { panel: true } });
    expect(found?.panel.map((member) => member.patientId)).toEqual(["p-1"]);
  });

  it("creates statistics on the search index's dependent columns", async () => {
    const rows = await db.sql.query<{ name: string }>("SELECT stxname AS name FROM pg_statistic_ext WHERE stxnamespace = current_schema()::regnamespace ORDER BY 1");

    expect(rows.map((row) => row.name)).toEqual([
      "search_date_type_param",
      "search_reference_type_param_target",
      "search_string_type_param",
      "search_token_type_param_code_system",
    ]);
  });

  it("keys reference index by referring type", async () => {
    // Without the referring type, ExplanationOfBenefit?patient=X reads the rows of every
    // AuditEvent that names X as well, and a member's searches slow down with each access.
    const rows = await db.sql.query<{ columns: string }>(
      `SELECT string_agg(a.attname, ',' ORDER BY k.position) AS columns
       FROM pg_index x
       JOIN pg_class t ON t.oid = x.indrelid
       CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = 'search_reference'
       GROUP BY x.indexrelid
       ORDER BY 1`,
    );

    expect(rows.map((row) => row.columns)).toEqual(["resource_id", "target_type,target_id,param,resource_type"]);
  });

  it("hash-indexes resource_id of index tables", async () => {
    // Reads the catalog of this schema only: pg_indexes would describe the indexes of every
    // schema, and other test files drop theirs meanwhile.
    const rows = await db.sql.query<{ table_name: string; method: string }>(
      `SELECT t.relname AS table_name, am.amname AS method
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
       WHERE t.relnamespace = current_schema()::regnamespace AND x.indnatts = 1 AND a.attname = 'resource_id'
         AND (t.relname LIKE 'search\\_%' OR t.relname = 'resource_compartment')
       ORDER BY 1`,
    );

    expect(rows).toEqual(
      ["resource_compartment", "search_date", "search_number", "search_quantity", "search_reference", "search_string", "search_token", "search_uri"].map((table) => ({
        table_name: table,
        method: "hash",
      })),
    );
  });
});
