import { describe, expect, it } from "vitest";

import { ageInYears } from "./age-in-years";

const today = new Date("2026-12-04T12:00:00Z");

describe("ageInYears", () => {
  it.each([
    ["2014-12-05", 11],
    ["2013-12-04", 13],
    ["2013-12-05", 12],
    ["2008-02-29", 18],
    ["2014", 12],
    ["2013-12", 13],
  ])("gives %s age %i", (birthDate, age) => {
    expect(ageInYears(birthDate, today)).toBe(age);
  });

  it.each([[undefined], ["not a date"], ["2013-02-30"]])("returns null for %s", (birthDate) => {
    expect(ageInYears(birthDate, today)).toBeNull();
  });
});
