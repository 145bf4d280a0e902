import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { databaseOptionsFromEnv, openDatabase, type Database } from "./database";
import { openTestDatabase } from "./open-test-database";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await db.exec("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
});

afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  await db.sql.execute("DELETE FROM note");
});

async function listNoteIds(): Promise<number[]> {
  const rows = await db.sql.query<{ id: number }>("SELECT id FROM note ORDER BY id");
  return rows.map((row) => row.id);
}

describe("Database.sql", () => {
  it("passes array parameters to the driver", async () => {
    const inserted = await db.sql.execute("INSERT INTO note (id, body) SELECT * FROM unnest($1::int[], $2::text[])", [
      [1, 2],
      ['a "quoted" body', "a body with a , comma"],
    ]);

    const rows = await db.sql.query<{ id: number; body: string }>("SELECT id, body FROM note ORDER BY id");
    expect(inserted).toBe(2);
    expect(rows).toEqual([
      { id: 1, body: 'a "quoted" body' },
      { id: 2, body: "a body with a , comma" },
    ]);
  });
});

describe("Database.transaction", () => {
  it("commits when the function resolves", async () => {
    const result = await db.transaction(async (sql) => {
      await sql.execute("INSERT INTO note (id, body) VALUES ($1, $2)", [1, "kept"]);
      return sql.execute("INSERT INTO note (id, body) VALUES ($1, $2)", [2, "kept"]);
    });

    expect(result).toBe(1);
    expect(await listNoteIds()).toEqual([1, 2]);
  });

  it("rolls back and rethrows when the function throws", async () => {
    const failure = new Error("stop after the first insert");

    const attempt = db.transaction(async (sql) => {
      await sql.execute("INSERT INTO note (id, body) VALUES ($1, $2)", [1, "rolled back"]);
      throw failure;
    });

    await expect(attempt).rejects.toBe(failure);
    expect(await listNoteIds()).toEqual([]);
  });

  it("rolls back when a statement fails", async () => {
    const attempt = db.transaction(async (sql) => {
      await sql.execute("INSERT INTO note (id, body) VALUES ($1, $2)", [1, "rolled back"]);
      await sql.execute("INSERT INTO note (id, body) VALUES ($1, $2)", [1, "duplicate key"]);
    });

    await expect(attempt).rejects.toThrow(/duplicate key/);
    expect(await listNoteIds()).toEqual([]);
  });

  it("leaves the connection usable after a rollback", async () => {
    await expect(db.transaction(async () => Promise.reject(new Error("rolled back")))).rejects.toThrow("rolled back");

    await db.transaction((sql) => sql.execute("INSERT INTO note (id, body) VALUES ($1, $2)", [3, "after"]));

    expect(await listNoteIds()).toEqual([3]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("runs read-only work without BEGIN", async () => {
    // Outside BEGIN each statement is its own transaction, which starts with the statement.
    const probe = "SELECT current_setting('statement_timeout') AS timeout, (SELECT xact_start = query_start FROM pg_stat_activity WHERE pid = pg_backend_pid()) AS alone";

    const readOnly = await db.transaction((sql) => sql.query(probe), { statementTimeoutMs: 1234, readOnly: true });
    const transaction = await db.transaction(async (sql) => {
      await sql.query("SELECT pg_sleep(0.01)");
      return sql.query(probe);
    }, { statementTimeoutMs: 1234 });

    expect(readOnly).toEqual([{ timeout: "1234ms", alone: true }]);
    expect(transaction).toEqual([{ timeout: "1234ms", alone: false }]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("plans read-only work once per connection when asked", async () => {
    const probe = "SELECT current_setting('plan_cache_mode') AS mode";

    const generic = await db.transaction((sql) => sql.query(probe), { statementTimeoutMs: 1234, readOnly: true, genericPlan: true });
    const chosen = await db.transaction((sql) => sql.query(probe), { statementTimeoutMs: 1234, readOnly: true });

    expect(generic).toEqual([{ mode: "force_generic_plan" }]);
    expect(chosen).toEqual([{ mode: "auto" }]);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("survives a dropped read-only connection", async () => {
    const readOnly = { statementTimeoutMs: 4321, readOnly: true };
    const [backend] = await db.transaction((sql) => sql.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"), readOnly);

    await db.sql.query("SELECT pg_terminate_backend($1)", [backend?.pid]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await db.transaction((sql) => sql.query<{ one: number }>("SELECT 1 AS one"), readOnly);

    expect(after).toEqual([{ one: 1 }]);
  });
});

describe("databaseOptionsFromEnv", () => {
  it.each([
    [{ DATABASE_URL: "mysql://x@127.0.0.1/y" }, 'DATABASE_URL starts with "mysql", not postgresql://'],
    [{ DATABASE_URL: "127.0.0.1:5432/test" }, "not postgresql://"],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1/test", DATABASE_SCHEMA: 'Weird"x' }, 'DATABASE_SCHEMA "Weird"x" is not a plain PostgreSQL name'],
  ])("rejects %j", (env, message) => {
    expect(() => databaseOptionsFromEnv({ NODE_ENV: "test", ...env })).toThrow(message);
  });

  it("picks PGlite without DATABASE_URL", () => {
    expect(databaseOptionsFromEnv({ NODE_ENV: "test", LAKEVIEW_DATA_DIR: "/tmp/x" })).toEqual({ dataDir: "/tmp/x" });
  });
});

describe("openDatabase", () => {
  it("names the server it could not reach", async () => {
    const opening = openDatabase({ url: "postgresql://nobody:secret@127.0.0.1:1/none" });

    await expect(opening).rejects.toThrow("Could not open PostgreSQL at 127.0.0.1:1/none (ECONNREFUSED)");
    await expect(opening).rejects.not.toThrow("secret");
  });
});
