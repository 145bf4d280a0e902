import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

import { getDatabase } from "./get-database";

const globalForDatabase = globalThis as typeof globalThis & { lakeviewDatabase?: Promise<unknown> };

describe("getDatabase", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "lakeview-get-database-"));

  afterEach(async () => {
    const db = (await globalForDatabase.lakeviewDatabase?.catch(() => undefined)) as { close(): Promise<void> } | undefined;
    await db?.close();
    globalForDatabase.lakeviewDatabase = undefined;
    vi.unstubAllEnvs();
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("opens again after a failed open", async () => {
    // A data folder inside a regular file cannot be created, so the first open fails.
    const file = path.join(folder, "not-a-folder");
    writeFileSync(file, "");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("LAKEVIEW_DATA_DIR", path.join(file, "pglite"));
    await expect(getDatabase()).rejects.toThrow();

    vi.stubEnv("LAKEVIEW_DATA_DIR", path.join(folder, "pglite"));
    const db = await getDatabase();

    expect(await db.sql.query<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});
