import { describe, expect, it } from "vitest";

import { ageOnDay, dayFromCalendarDate, dayFromInstant, toFhirDate, toFhirDateTime, yearOfDay } from "./demo-calendar";

describe("demo calendar", () => {
  it("places late-evening UTC instants on the Arizona day before", () => {
    const day = dayFromInstant(new Date("2026-03-02T05:30:00Z"));

    expect(toFhirDate(day)).toBe("2026-03-01");
  });

  it("formats dateTimes with the fixed Arizona offset", () => {
    const day = dayFromCalendarDate(2026, 7, 4);

    expect(toFhirDateTime(day, 9 * 60 + 5)).toBe("2026-07-04T09:05:00-07:00");
  });

  it("counts age in whole years around a birthday", () => {
    const birth = dayFromCalendarDate(1970, 6, 15);

    expect(ageOnDay(birth, dayFromCalendarDate(2026, 6, 14))).toBe(55);
    expect(ageOnDay(birth, dayFromCalendarDate(2026, 6, 15))).toBe(56);
  });

  it("returns the calendar year of a day", () => {
    expect(yearOfDay(dayFromCalendarDate(2025, 12, 31))).toBe(2025);
    expect(yearOfDay(dayFromCalendarDate(2026, 1, 1))).toBe(2026);
  });
});
