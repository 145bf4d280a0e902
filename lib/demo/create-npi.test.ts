import { describe, expect, it } from "vitest";

import { createNpi, isValidNpi } from "./create-npi";

describe("createNpi", () => {
  it("appends the CMS check digit", () => {
    // The Luhn sum over 80840123456789 is 67, so the check digit is 3.
    expect(createNpi("123456789")).toBe("1234567893");
  });

  it("rejects a base that is not 9 digits starting with 1 or 2", () => {
    expect(() => createNpi("323456789")).toThrow(RangeError);
    expect(() => createNpi("12345678")).toThrow(RangeError);
  });
});

describe("isValidNpi", () => {
  it("accepts a valid NPI", () => {
    expect(isValidNpi("1234567893")).toBe(true);
  });

  it("rejects a wrong check digit", () => {
    expect(isValidNpi("1234567890")).toBe(false);
  });

  it("rejects wrong lengths and letters", () => {
    expect(isValidNpi("123456789")).toBe(false);
    expect(isValidNpi("12345678a3")).toBe(false);
  });
});
