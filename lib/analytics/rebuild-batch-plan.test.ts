import type { MeasureReport } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { FULL_REBUILD_BATCH_SQL } from "./refresh-analytics-views";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db.close();
});

interface PlanNode {
  "Relation Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function listScans(node: PlanNode, relation: string): PlanNode[] {
  const own = node["Relation Name"] === relation ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => listScans(child, relation))];
}

const report = (index: number): MeasureReport => ({
  resourceType: "MeasureReport",
  id: `mr-plan-${String(index).padStart(5, "0")}`,
  status: "complete",
  type: "individual",
  measure: "https://lakeview.example/fhir/Measure/plan-test",
  period: { start: "2026-01-01", end: "2026-12-31" },
});

// The case that went wrong was a PostgreSQL server with autovacuum off, so the test runs there.
describe.runIf(process.env.TEST_DATABASE_URL)("full rebuild batch plan", () => {
  it("reads each version by its key with stale statistics", async () => {
    await new FhirStore(db).writeAll([{ kind: "put", resource: { resourceType: "Patient", id: "plan-patient" } }]);
    await db.exec("ANALYZE resource, resource_version");
    // Written after ANALYZE, so the planner believes there are no MeasureReports.
    await new FhirStore(db).writeAll(Array.from({ length: 2000 }, (_, index) => ({ kind: "put" as const, resource: report(index) })));

    const [row] = await db.sql.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${FULL_REBUILD_BATCH_SQL}`, ["MeasureReport", ""]);
    const scans = listScans(row?.["QUERY PLAN"][0].Plan ?? {}, "resource_version");

    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect(scan["Index Cond"]).toMatch(/\(id = r\.id\)/);
  });
});
