import { describe, expect, it } from "vitest";

import { median, percentile } from "./time-repeated";

describe("median", () => {
  it.each([
    ["one sample", [267.4], 267.4],
    ["an odd count, unsorted", [314.3, 250.1, 267.4], 267.4],
    ["an even count", [314.3, 267.4], 290.85],
    ["four samples", [4, 1, 3, 2], 2.5],
    ["no samples", [], 0],
  ])("takes %s", (_case, samples, expected) => {
    expect(median(samples)).toBeCloseTo(expected, 10);
  });

  it("differs from the lower middle of percentile for an even count", () => {
    expect(percentile([314.3, 267.4], 0.5)).toBe(267.4);
    expect(median([314.3, 267.4])).toBeCloseTo(290.85, 10);
  });
});
