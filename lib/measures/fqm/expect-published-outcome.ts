import { expect } from "vitest";

import type { MeasurePopulations } from "../measure-populations";
import type { PublishedContradiction } from "../test-cases/published-contradictions";
import type { MeasureTestOutcome } from "./run-measure-test-case";

/**
 * Asserts a published case's outcome: equal to the published expectation, or, for a case listed
 * as a published contradiction, different from it and equal to what the list states the engine
 * computes (for an error, its message contains the listed text). Returns whether the published
 * expectation matched, for the per-measure counts.
 */
export function expectPublishedOutcome(outcome: MeasureTestOutcome, expected: MeasurePopulations, contradiction: PublishedContradiction | undefined): boolean {
  if (!contradiction) {
    expect(outcome).toEqual(expected);
    return true;
  }

  expect(outcome, `listed as contradicting its expectation: ${contradiction.reason}`).not.toEqual(expected);
  if ("error" in contradiction.computed) {
    expect(outcome).toHaveProperty("error", expect.stringContaining(contradiction.computed.error));
  } else {
    expect(outcome).toEqual(contradiction.computed);
  }
  return false;
}
