import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listCareGaps } from "@/lib/care-gaps/list-care-gaps";
import type { Database } from "@/lib/db/database";
import { openTestDatabase } from "@/lib/db/open-test-database";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

import { calendarYearPeriod } from "./measurement-period-of";
import { updateCareGaps } from "./update-care-gaps";

const today = new Date("2026-12-05T12:00:00Z");

describe("demo care gaps", () => {
  let db: Database;
  let memberPatientId: string;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    const seeded = await seedDemoData(db, { members: 25, today });
    memberPatientId = seeded?.accounts.find((account) => account.email === "member@lakeview.example")?.patientId ?? "";
    await updateCareGaps(db, { period: calendarYearPeriod(today), print: (line) => lines.push(line) });
  }, 120_000);

  afterAll(async () => {
    await db.close();
  });

  it("stores the seven own Measures", async () => {
    const measures = await new FhirStore(db).listAll("Measure");

    expect(measures.map((measure) => measure.id)).toEqual([
      "lakeview-cms122",
      "lakeview-cms124",
      "lakeview-cms125",
      "lakeview-cms130",
      "lakeview-cms131",
      "lakeview-cms147",
      "lakeview-cms165",
    ]);
  });

  it("gives the demo member open and closed gaps", async () => {
    const gaps = await listCareGaps(db, [memberPatientId]);

    expect(gaps.some((gap) => gap.status === "open" && gap.measureId === "lakeview-cms125")).toBe(true);
    expect(gaps.some((gap) => gap.status === "closed" && gap.measureId === "lakeview-cms130")).toBe(true);
    expect(gaps.every((gap) => gap.periodStart === "2026-01-01" && gap.periodEnd === "2026-12-31")).toBe(true);
  });

  it("reports progress and a summary", () => {
    expect(lines.some((line) => /^Care gaps: 25 of 25 patients evaluated$/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Care gaps for 2026-01-01 to 2026-12-31: 25 patients in [\d.]+ s; \d+ results created/);
  });

  it("writes nothing when run again", async () => {
    const again: string[] = [];

    const summary = await updateCareGaps(db, { period: calendarYearPeriod(today), all: true, print: (line) => again.push(line) });

    expect(summary.patients).toBe(25);
    expect(summary.created + summary.updated + summary.deleted).toBe(0);
  });
});
