import { describe, expect, it } from "vitest";

import type { PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { parseFhirDate, type CalendarDate } from "@/lib/claims/parse-fhir-date";

import { toAccumulatorRows } from "./accumulator-rows";

function dayOf(text: string): CalendarDate {
  const date = parseFhirDate(text);
  if (!date) throw new Error(`Invalid test date ${text}`);
  return date;
}

const usd = (minorUnits: number): { minorUnits: number; currency: string } => ({ minorUnits, currency: "USD" });
const accumulator = { spent: usd(5_000), limit: usd(100_000), remaining: usd(95_000) };
const spending: PlanYearSpending = {
  planYear: { firstDay: dayOf("2026-01-01"), lastDay: dayOf("2026-12-31"), isCurrent: true },
  individual: { deductible: accumulator, outOfPocket: accumulator },
  family: null,
  counted: "all",
  outOfNetwork: null,
  limitsSource: null,
  claimCount: 1,
  unreadableCount: 0,
};

describe("toAccumulatorRows labels", () => {
  it("labels the member's own rows You", () => {
    const rows = toAccumulatorRows(spending);

    expect(rows.map((row) => `${row.personLabel}: ${row.limitName}`)).toEqual(["You: Deductible", "You: Out-of-pocket maximum"]);
    expect(rows.map((row) => row.shortLabel)).toEqual(["Your deductible", "Your out-of-pocket"]);
  });

  it("names a viewed dependent", () => {
    const rows = toAccumulatorRows(spending, "Mia Rivera");

    expect(rows.map((row) => `${row.personLabel}: ${row.limitName}`)).toEqual(["Mia Rivera: Deductible", "Mia Rivera: Out-of-pocket maximum"]);
    expect(rows.map((row) => row.shortLabel)).toEqual(["Mia Rivera's deductible", "Mia Rivera's out-of-pocket"]);
  });
});
