/** A seeded pseudo-random source. Every draw advances one 32-bit state, so a seed fixes the whole sequence. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with the given probability (0 to 1). */
  chance(probability: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A value in center ± spread that clusters near the center (the mean of two uniform draws). */
  around(center: number, spread: number): number;
}

/**
 * Creates a mulberry32 generator, a small 32-bit PRNG. It is not cryptographic and only makes demo
 * data repeatable without Math.random.
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  return {
    next,
    int: (min, max) => {
      if (max < min) {
        throw new RangeError(`Prng.int needs min <= max; it received min ${min}, max ${max}.`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) {
        throw new RangeError("Prng.pick needs a non-empty list; it received an empty one.");
      }
      return item;
    },
    around: (center, spread) => center + (next() + next() - 1) * spread,
  };
}

/**
 * Derives an independent 32-bit seed from a base seed and a path of keys (FNV-1a over their text).
 * Each member and family draws from its own derived stream, so adding members does not change the
 * data of the members before them.
 */
export function deriveSeed(seed: number, ...keys: readonly (string | number)[]): number {
  const text = [seed, ...keys].join("/");
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
