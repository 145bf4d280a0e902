import { expect } from "vitest";

import type { MeasurePopulations } from "../measure-populations";
import type { PublishedContradiction } from "../test-cases/published-contradictions";
import type { MeasureTestOutcome } from "./run-measure-test-case";

/**
 * Asserts that a published case's outcome equals the published expectation. For a case listed as
 * a published contradiction, it asserts instead that the outcome differs from the expectation and
 * equals the listed one, where a listed error must appear in the error's message. Returns whether
 * the published expectation matched, for the per-measure counts.
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
