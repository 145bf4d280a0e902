import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { numberCondition } from "./build-value-conditions";
import { parseNumberValue } from "./parse-search-values";
import { SqlParameters } from "./sql-parameters";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

const STORED = ["99.4", "99.5", "100", "100.49", "100.5", "101", "110", "111"];

/** Runs a number search value against the STORED values and returns those that match. */
async function matching(search: string): Promise<string[]> {
  const params = new SqlParameters();
  const condition = numberCondition("n.value", parseNumberValue("probability", search), params);
  const values = params.add(STORED);
  const rows = await db.sql.query<{ value: string }>(`SELECT n.value::text AS value FROM unnest(${values}::numeric[]) AS n(value) WHERE ${condition} ORDER BY n.value`, params.values);
  return rows.map((row) => row.value);
}

describe("numberCondition", () => {
  it.each<[search: string, expected: string[]]>([
    ["100", ["99.5", "100", "100.49"]],
    ["100.0", ["100"]],
    ["1.00e2", ["99.5", "100", "100.49"]],
    ["1e2", STORED],
    ["ne100", ["99.4", "100.5", "101", "110", "111"]],
    ["gt100", ["100.49", "100.5", "101", "110", "111"]],
    ["sa100", ["100.49", "100.5", "101", "110", "111"]],
    ["lt100", ["99.4", "99.5"]],
    ["eb100", ["99.4", "99.5"]],
    ["ge100.5", ["100.5", "101", "110", "111"]],
    ["le99.5", ["99.4", "99.5"]],
    ["ap100", ["99.4", "99.5", "100", "100.49", "100.5", "101", "110"]],
  ])("%s", async (search, expected) => {
    expect(await matching(search)).toEqual(expected);
  });
});
