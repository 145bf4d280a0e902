import { describe, expect, it } from "vitest";

import { formatObservationValue, formatReferenceRange } from "./format-observation-value";
import { formatQuantity } from "./format-quantity";
import { groupByYear } from "./group-by-year";

const quantity = (value: number, unit: string | null, comparator: "<" | null = null): { value: number; unit: string | null; comparator: "<" | null } => ({ value, unit, comparator });

describe("formatQuantity", () => {
  const cases = [
    { name: "joins percent", input: quantity(7.386637, "%"), expected: "7.39%" },
    { name: "spaces other units", input: quantity(134, "mg/dL"), expected: "134 mg/dL" },
    { name: "keeps a comparator", input: quantity(5, "mg/L", "<"), expected: "<5 mg/L" },
    { name: "groups thousands", input: quantity(12500, "/uL"), expected: "12,500 /uL" },
    { name: "shows a bare number", input: quantity(3, null), expected: "3" },
  ];

  it.each(cases)("$name", ({ input, expected }) => {
    expect(formatQuantity(input, "en-US")).toBe(expected);
  });
});

describe("formatObservationValue", () => {
  it("lists panel components", () => {
    const text = formatObservationValue({
      kind: "components",
      parts: [
        { name: "Systolic", quantity: quantity(128, "mmHg") },
        { name: null, quantity: quantity(82, "mmHg") },
      ],
    });

    expect(text).toBe("Systolic: 128 mmHg, 82 mmHg");
  });

  it("says when no value was recorded", () => {
    expect(formatObservationValue({ kind: "absent" })).toBe("No value recorded");
  });
});

describe("formatReferenceRange", () => {
  it("prefers the lab's text", () => {
    expect(formatReferenceRange({ low: quantity(4, "%"), high: quantity(5.6, "%"), text: "Normal: below 5.7%" })).toBe("Normal: below 5.7%");
  });

  it("writes both bounds", () => {
    expect(formatReferenceRange({ low: quantity(4, "%"), high: quantity(5.6, "%"), text: null })).toBe("4% to 5.6%");
  });

  it("writes an upper bound only", () => {
    expect(formatReferenceRange({ low: null, high: quantity(99, "mg/dL"), text: null })).toBe("99 mg/dL or below");
  });

  it("says when no range was given", () => {
    expect(formatReferenceRange(null)).toBe("Not given");
  });
});

describe("groupByYear", () => {
  it("keeps runs of one year in order", () => {
    const date = (year: number): { precision: "year"; year: number; start: Date } => ({ precision: "year", year, start: new Date(Date.UTC(year, 0, 1)) });
    const items = [
      { id: "a", date: date(2021) },
      { id: "b", date: date(2021) },
      { id: "c", date: date(2019) },
      { id: "d", date: null },
    ];

    const groups = groupByYear(items, (item) => item.date);

    expect(groups.map((group) => [group.year, group.items.map((item) => item.id)])).toEqual([
      [2021, ["a", "b"]],
      [2019, ["c"]],
      [null, ["d"]],
    ]);
  });
});
