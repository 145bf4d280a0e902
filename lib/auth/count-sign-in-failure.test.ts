import { describe, expect, it } from "vitest";

import { countSignInFailure, takeBackSignInFailure, toFailureCountExpiry, type FailureCount, type FailureLimits } from "./count-sign-in-failure";

const limits = { maxFailures: 3, windowMs: 1000, lockoutMs: 5000 } satisfies FailureLimits;

describe("countSignInFailure", () => {
  const cases: { name: string; previous: FailureCount | undefined; now: number; expected: FailureCount | null }[] = [
    { name: "starts a window", previous: undefined, now: 100, expected: { windowStart: 100, failures: 1, lockedUntil: null } },
    {
      name: "counts within the window",
      previous: { windowStart: 100, failures: 1, lockedUntil: null },
      now: 1099,
      expected: { windowStart: 100, failures: 2, lockedUntil: null },
    },
    {
      name: "starts afresh after the window",
      previous: { windowStart: 100, failures: 2, lockedUntil: null },
      now: 1100,
      expected: { windowStart: 1100, failures: 1, lockedUntil: null },
    },
    {
      name: "locks at the limit",
      previous: { windowStart: 100, failures: 2, lockedUntil: null },
      now: 500,
      expected: { windowStart: 100, failures: 3, lockedUntil: 5500 },
    },
    { name: "ignores a failure while locked", previous: { windowStart: 100, failures: 3, lockedUntil: 5500 }, now: 5499, expected: null },
    {
      name: "starts a window on a count without failures",
      previous: { windowStart: 100, failures: 0, lockedUntil: null },
      now: 600,
      expected: { windowStart: 600, failures: 1, lockedUntil: null },
    },
    {
      name: "starts afresh after a lockout",
      previous: { windowStart: 100, failures: 3, lockedUntil: 5500 },
      now: 5500,
      expected: { windowStart: 5500, failures: 1, lockedUntil: null },
    },
  ];

  for (const { name, previous, now, expected } of cases) {
    it(name, () => {
      expect(countSignInFailure(previous, now, limits)).toEqual(expected);
    });
  }
});

describe("takeBackSignInFailure", () => {
  const cases: { name: string; count: FailureCount; countedWindowStart: number; expected: FailureCount | null }[] = [
    {
      name: "takes one failure back",
      count: { windowStart: 100, failures: 2, lockedUntil: null },
      countedWindowStart: 100,
      expected: { windowStart: 100, failures: 1, lockedUntil: null },
    },
    {
      name: "lifts a lock the failure completed",
      count: { windowStart: 100, failures: 3, lockedUntil: 5500 },
      countedWindowStart: 100,
      expected: { windowStart: 100, failures: 2, lockedUntil: null },
    },
    {
      name: "keeps a lock the other failures reach",
      count: { windowStart: 100, failures: 4, lockedUntil: 5500 },
      countedWindowStart: 100,
      expected: { windowStart: 100, failures: 3, lockedUntil: 5500 },
    },
    {
      name: "ignores a later window",
      count: { windowStart: 1100, failures: 1, lockedUntil: null },
      countedWindowStart: 100,
      expected: null,
    },
    {
      name: "stops at zero failures",
      count: { windowStart: 100, failures: 0, lockedUntil: null },
      countedWindowStart: 100,
      expected: null,
    },
  ];

  for (const { name, count, countedWindowStart, expected } of cases) {
    it(name, () => {
      expect(takeBackSignInFailure(count, countedWindowStart, limits.maxFailures)).toEqual(expected);
    });
  }
});

describe("toFailureCountExpiry", () => {
  it("returns the window's end when unlocked", () => {
    expect(toFailureCountExpiry({ windowStart: 100, failures: 1, lockedUntil: null }, 1000)).toBe(1100);
  });

  it("returns the lockout's end when later", () => {
    expect(toFailureCountExpiry({ windowStart: 100, failures: 3, lockedUntil: 5500 }, 1000)).toBe(5500);
  });
});
