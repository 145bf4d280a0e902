import { describe, expect, it } from "vitest";

import { parseRequestedYear } from "./parse-requested-year";

const now = new Date("2026-12-04T12:00:00Z");

describe("parseRequestedYear", () => {
  it.each([
    ["2020", 2020],
    ["1900", 1900],
    ["2027", 2027],
  ])("accepts %s", (value, expected) => {
    expect(parseRequestedYear(value, now)).toBe(expected);
  });

  it.each([[undefined], [""], ["2028"], ["1899"], ["20201"], ["2020.0"], [" 2020"], ["abcd"], [["2020", "2021"]]])("ignores %j", (value) => {
    expect(parseRequestedYear(value, now)).toBeUndefined();
  });
});
