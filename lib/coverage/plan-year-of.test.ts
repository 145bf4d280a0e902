import { describe, expect, it } from "vitest";

import { toCalendarDay } from "./calendar-day";
import { isInPlanYear, planYearOf } from "./plan-year-of";

const day = (text: string): number => {
  const [year = 0, month = 0, dayOfMonth = 0] = text.split("-").map(Number);
  return toCalendarDay(year, month, dayOfMonth);
};

describe("planYearOf", () => {
  it("uses the calendar year without a period", () => {
    expect(planYearOf(undefined, day("2026-03-04"))).toEqual({ firstDay: day("2026-01-01"), lastDay: day("2026-12-31") });
  });

  it("uses the calendar year for a January start", () => {
    const period = { start: "2020-01-01" };

    expect(planYearOf(period, day("2026-12-04"))).toEqual({ firstDay: day("2026-01-01"), lastDay: day("2026-12-31") });
  });

  it("runs from the anniversary of a July start", () => {
    const period = { start: "2024-07-01" };

    expect(planYearOf(period, day("2026-03-04"))).toEqual({ firstDay: day("2025-07-01"), lastDay: day("2026-06-30") });
    expect(planYearOf(period, day("2026-07-01"))).toEqual({ firstDay: day("2026-07-01"), lastDay: day("2027-06-30") });
  });

  it("ends early with the period", () => {
    const period = { start: "2019-01-01", end: "2019-10-31" };

    expect(planYearOf(period, day("2019-05-01"))).toEqual({ firstDay: day("2019-01-01"), lastDay: day("2019-10-31") });
  });

  it("returns the last plan year after the period ends", () => {
    const period = { start: "2017-01-01", end: "2017-06-30" };

    expect(planYearOf(period, day("2026-12-04"))).toEqual({ firstDay: day("2017-01-01"), lastDay: day("2017-06-30") });
  });

  it("returns the first plan year before the period starts", () => {
    const period = { start: "2027-01-01", end: "2027-12-31" };

    expect(planYearOf(period, day("2026-12-04"))).toEqual({ firstDay: day("2027-01-01"), lastDay: day("2027-12-31") });
  });

  it("reads dateTime bounds by their written date", () => {
    const period = { start: "2026-01-01T00:00:00-07:00", end: "2026-12-31T23:59:59-07:00" };

    expect(planYearOf(period, day("2026-12-31"))).toEqual({ firstDay: day("2026-01-01"), lastDay: day("2026-12-31") });
  });
});

describe("isInPlanYear", () => {
  it("includes both ends", () => {
    const planYear = { firstDay: day("2026-01-01"), lastDay: day("2026-12-31") };

    expect(isInPlanYear(planYear, day("2026-01-01"))).toBe(true);
    expect(isInPlanYear(planYear, day("2026-12-31"))).toBe(true);
    expect(isInPlanYear(planYear, day("2025-12-31"))).toBe(false);
    expect(isInPlanYear(planYear, day("2027-01-01"))).toBe(false);
  });
});
