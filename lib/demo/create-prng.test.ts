import { describe, expect, it } from "vitest";

import { createPrng, deriveSeed } from "./create-prng";

describe("createPrng", () => {
  it("repeats a sequence for one seed", () => {
    const first = createPrng(42);
    const second = createPrng(42);

    const a = Array.from({ length: 50 }, () => first.next());
    const b = Array.from({ length: 50 }, () => second.next());

    expect(a).toEqual(b);
  });

  it("differs between seeds", () => {
    expect(createPrng(1).next()).not.toBe(createPrng(2).next());
  });

  it("keeps int within inclusive bounds", () => {
    const prng = createPrng(7);

    const values = new Set(Array.from({ length: 2_000 }, () => prng.int(3, 6)));

    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it("keeps around within center plus or minus spread", () => {
    const prng = createPrng(9);

    const values = Array.from({ length: 2_000 }, () => prng.around(10, 2));

    expect(Math.min(...values)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...values)).toBeLessThanOrEqual(12);
  });

  it("rejects pick from an empty list", () => {
    expect(() => createPrng(1).pick([])).toThrow(RangeError);
  });
});

describe("deriveSeed", () => {
  it("is stable for the same keys", () => {
    expect(deriveSeed(5, "member", 12)).toBe(deriveSeed(5, "member", 12));
  });

  it("separates keys and base seeds", () => {
    const seeds = new Set([deriveSeed(5, "member", 1), deriveSeed(5, "member", 2), deriveSeed(5, "family", 1), deriveSeed(6, "member", 1)]);

    expect(seeds.size).toBe(4);
  });
});
