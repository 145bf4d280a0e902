import { describe, expect, it } from "vitest";

import { formatCalendarDate } from "./format-calendar-date";
import { formatMemberOwes } from "./format-member-owes";
import { formatMoney } from "./format-money";

describe("formatMoney", () => {
  const cases = [
    { minorUnits: 0, currency: "USD", expected: "$0.00" },
    { minorUnits: 123_450, currency: "USD", expected: "$1,234.50" },
    { minorUnits: -2_500, currency: "USD", expected: "-$25.00" },
    { minorUnits: 1_250, currency: "EUR", expected: "€12.50" },
    { minorUnits: 1_500, currency: "JPY", expected: "¥1,500" },
    { minorUnits: 12_345, currency: "BHD", expected: "BHD 12.345" },
  ];

  it.each(cases)("formats $minorUnits $currency", ({ minorUnits, currency, expected }) => {
    expect(formatMoney({ minorUnits, currency }, "en-US").replace(/\u00a0/g, " ")).toBe(expected);
  });
});

describe("formatCalendarDate", () => {
  const cases = [
    { name: "day", date: { precision: "day" as const, year: 2026, month: 3, day: 4 }, expected: "Mar 4, 2026" },
    { name: "month", date: { precision: "month" as const, year: 2026, month: 3 }, expected: "Mar 2026" },
    { name: "year", date: { precision: "year" as const, year: 2026 }, expected: "2026" },
    { name: "last day of a month", date: { precision: "day" as const, year: 2025, month: 12, day: 31 }, expected: "Dec 31, 2025" },
  ];

  it.each(cases)("formats a $name", ({ date, expected }) => {
    expect(formatCalendarDate({ ...date, start: new Date(0) }, "en-US")).toBe(expected);
  });
});

describe("formatMemberOwes", () => {
  it("formats an exact amount", () => {
    expect(formatMemberOwes({ kind: "exact", amount: { minorUnits: 4_250, currency: "USD" } })).toBe("$42.50");
  });

  it("formats a floor", () => {
    expect(formatMemberOwes({ kind: "atLeast", amount: { minorUnits: 13_424, currency: "USD" } })).toBe("At least $134.24");
  });

  it("says when the amount is unknown", () => {
    expect(formatMemberOwes({ kind: "unknown" })).toBe("Not available");
  });
});
