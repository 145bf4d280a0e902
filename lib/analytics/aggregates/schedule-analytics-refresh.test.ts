import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirStore } from "../../fhir/store/fhir-store";
import { quoteIdentifier } from "../write-view-rows";
import { hasBuiltViews } from "./has-built-views";
import { scheduleAnalyticsRefresh, waitForScheduledAnalyticsRefresh } from "./schedule-analytics-refresh";

// Each PostgreSQL test file has its own schema, so the analytics schema gets its own name too.
const SCHEMA = process.env.TEST_DATABASE_URL ? `analytics_${randomBytes(6).toString("hex")}` : "analytics";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  if (process.env.TEST_DATABASE_URL) await db?.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(SCHEMA)} CASCADE`);
  await db?.close();
});

describe("scheduleAnalyticsRefresh", () => {
  it("merges a burst of calls into one refresh that builds the tables", async () => {
    await new FhirStore(db).create({ resourceType: "Encounter", status: "finished", class: { code: "EMER" }, subject: { reference: "Patient/p1" } });

    scheduleAnalyticsRefresh(db, { delayMs: 10, schema: SCHEMA });
    scheduleAnalyticsRefresh(db, { delayMs: 10, schema: SCHEMA });
    scheduleAnalyticsRefresh(db, { delayMs: 10, schema: SCHEMA });
    await waitForScheduledAnalyticsRefresh();

    expect(await hasBuiltViews(db, ["encounter", "claim_cost"], SCHEMA)).toBe(true);
    const [row] = await db.sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${quoteIdentifier(SCHEMA)}.encounter`);
    expect(row?.count).toBe(1);
    const [state] = await db.sql.query<{ count: number }>("SELECT count(*)::int AS count FROM analytics_view_state WHERE schema_name = $1", [SCHEMA]);
    expect(state?.count).toBeGreaterThanOrEqual(10);
  });
});
