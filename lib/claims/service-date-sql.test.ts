import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { dateTimePartsSql, dayNumberSql, epochSql, validDateSql } from "./service-date-sql";

describe("service date SQL", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
  });

  afterAll(async () => {
    await db.close();
  });

  async function read(text: string): Promise<{ day: number | null; epoch: number | null }> {
    const [row] = await db.sql.query<{ day: number | null; epoch: number | null }>(
      `SELECT CASE WHEN ${validDateSql("parts")} THEN ${dayNumberSql("parts")} END AS day,
         CASE WHEN ${validDateSql("parts")} THEN ${epochSql("parts")}::float8 END AS epoch
       FROM (SELECT ${dateTimePartsSql("$1::text")} AS parts) AS parsed`,
      [text],
    );
    return { day: row?.day ?? null, epoch: row?.epoch === null || row?.epoch === undefined ? null : Number(row.epoch) };
  }

  const seconds = (iso: string): number => Date.parse(iso) / 1000;

  it.each([
    { text: "2026-03-04", day: 20260304, epoch: seconds("2026-03-04T00:00:00Z") },
    { text: "2026-03", day: 20260301, epoch: seconds("2026-03-01T00:00:00Z") },
    { text: "2026", day: 20260101, epoch: seconds("2026-01-01T00:00:00Z") },
    { text: "2026-03-04T23:30:00-05:00", day: 20260304, epoch: seconds("2026-03-05T04:30:00Z") },
    { text: "2026-03-04T01:15:30.250+02:00", day: 20260304, epoch: seconds("2026-03-03T23:15:30Z") },
    { text: "2026-03-04T10:00Z", day: 20260304, epoch: seconds("2026-03-04T10:00:00Z") },
    { text: "2024-02-29", day: 20240229, epoch: seconds("2024-02-29T00:00:00Z") },
  ])("reads $text", async ({ text, day, epoch }) => {
    const parsed = await read(text);

    expect(parsed.day).toBe(day);
    expect(parsed.epoch).toBe(epoch);
  });

  it.each(["2025-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-03-04T24:00:00Z", "2026-03-04T10:60:00Z", "March 4", "", "0000-01-01"])(
    "rejects %j",
    async (text) => {
      expect(await read(text)).toEqual({ day: null, epoch: null });
    },
  );
});
