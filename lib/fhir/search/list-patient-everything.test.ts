import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { PATIENT_COMPARTMENT_PARAMS } from "../patient-compartments";
import { typeRangesWithout } from "./list-patient-everything";
import { SqlParameters } from "./sql-parameters";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

/** Counts, per type, the ranges it falls in, as PostgreSQL compares the types. */
async function countRangesOf(types: readonly string[], leftOut: readonly string[]): Promise<Record<string, number>> {
  const params = new SqlParameters();
  const ranges = typeRangesWithout(leftOut, params);
  const rows = await db.sql.query<{ type: string; ranges: number }>(
    `SELECT c.resource_type AS type, ${ranges.map((range) => `(${range})::int`).join(" + ")} AS ranges
     FROM unnest(${params.add([...types])}::text[]) AS c(resource_type)`,
    params.values,
  );
  return Object.fromEntries(rows.map((row) => [row.type, row.ranges]));
}

describe("typeRangesWithout", () => {
  it("covers other types exactly once", async () => {
    const types = [...PATIENT_COMPARTMENT_PARAMS.keys()];

    const counts = await countRangesOf(types, ["Patient", "AuditEvent"]);

    expect(types.length).toBeGreaterThan(50);
    for (const type of types) {
      expect({ type, ranges: counts[type] }).toEqual({ type, ranges: type === "Patient" || type === "AuditEvent" ? 0 : 1 });
    }
  });

  it("keeps types outside the bounds", async () => {
    expect(await countRangesOf(["Account", "AuditEvent", "Basic", "Patient", "Person", "Zeta"], ["Patient", "AuditEvent"])).toEqual({
      Account: 1,
      AuditEvent: 0,
      Basic: 1,
      Patient: 0,
      Person: 1,
      Zeta: 1,
    });
  });

  it("selects all without exclusions", async () => {
    expect(await countRangesOf(["AuditEvent", "Patient"], [])).toEqual({ AuditEvent: 1, Patient: 1 });
  });
});
