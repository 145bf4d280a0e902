import { describe, expect, it } from "vitest";

import { endsDuringDays, overlapsDays, parseFhirInstant, parseFhirInstantEnd } from "./clinical-interval";
import { ageInYearsAt, shiftYears } from "./measurement-window";

describe("parseFhirInstant", () => {
  it("reads dates, partial dates and offsets", () => {
    expect(parseFhirInstant("2025-03-04")).toBe(Date.UTC(2025, 2, 4));
    expect(parseFhirInstant("2025")).toBe(Date.UTC(2025, 0, 1));
    expect(parseFhirInstant("2025-12-31T23:00:00-05:00")).toBe(Date.UTC(2026, 0, 1, 4));
    expect(parseFhirInstant("not a date")).toBeNull();
  });

  it("ends a partial date at its last millisecond", () => {
    expect(parseFhirInstantEnd("2025")).toBe(Date.UTC(2026, 0, 1) - 1);
    expect(parseFhirInstantEnd("2024-02")).toBe(Date.UTC(2024, 2, 1) - 1);
    expect(parseFhirInstantEnd("2025-03-04")).toBe(Date.UTC(2025, 2, 5) - 1);
  });
});

describe("day comparisons", () => {
  const from = Date.UTC(2025, 0, 1);
  const to = Date.UTC(2025, 11, 31, 23, 59, 59, 999);

  it("ends during the period at day precision", () => {
    expect(endsDuringDays({ start: null, end: Date.UTC(2025, 11, 31, 23, 0) }, from, to)).toBe(true);
    expect(endsDuringDays({ start: null, end: Date.UTC(2026, 0, 1) }, from, to)).toBe(false);
  });

  it("never overlaps with an unknown end", () => {
    expect(overlapsDays({ start: Date.UTC(2020, 0, 1), end: null, endUnknown: true }, from, to)).toBe(false);
    expect(overlapsDays({ start: Date.UTC(2020, 0, 1), end: null }, from, to)).toBe(true);
  });
});

describe("ageInYearsAt", () => {
  it("counts completed years on the day", () => {
    expect(ageInYearsAt("1973-12-31", Date.UTC(2025, 11, 31))).toBe(52);
    expect(ageInYearsAt("1974-01-01", Date.UTC(2025, 11, 31))).toBe(51);
    expect(ageInYearsAt("2000-02-29", Date.UTC(2025, 1, 28))).toBe(24);
    expect(ageInYearsAt(undefined, Date.UTC(2025, 1, 28))).toBeNull();
  });

  it("moves Feb 29 to Feb 28 when shifting years", () => {
    expect(shiftYears(Date.UTC(2024, 1, 29), -1)).toBe(Date.UTC(2023, 1, 28));
  });
});
