import { afterAll, describe, expect, it } from "vitest";

import { measureSuiteSkipReason } from "../test-cases/measure-suite-skip-reason";
import { findPublishedContradiction, publishedContradictions } from "../test-cases/published-contradictions";
import { readQicoreTestCases } from "../test-cases/read-qicore-test-cases";
import { expectPublishedOutcome } from "./expect-published-outcome";
import { getSampleMeasureEvaluator } from "./get-sample-measure-evaluator";
import { runMeasureTestCase } from "./run-measure-test-case";

// Runs all 299 MADiE cases of the 2025 CMS eCQMs against the qicore-2024 measure bundles, each
// case its own test comparing every population. Skipped on the PostgreSQL pass (see
// measureSuiteSkipReason) because it touches no database.
const skipReason = measureSuiteSkipReason();
const cases = skipReason ? [] : readQicoreTestCases();
const measureKeys = [...new Set(cases.map((testCase) => testCase.measureKey))];
const matched = new Map<string, number>();

describe.skipIf(skipReason !== undefined)(`fqm-execution on the qicore-2025 decks${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  afterAll(() => {
    for (const measureKey of measureKeys) {
      const total = cases.filter((testCase) => testCase.measureKey === measureKey).length;
      console.log(`${measureKey} qicore-2025: ${matched.get(measureKey) ?? 0} of ${total} cases match their published expectation`);
    }
  });

  it("lists 299 cases", () => {
    expect(cases).toHaveLength(299);
  });

  it("lists only contradictions of existing cases", () => {
    const listed = publishedContradictions.filter((entry) => entry.deck === "qicore-2025");

    const unknown = listed.filter((entry) => !cases.some((testCase) => testCase.measureKey === entry.measureKey && testCase.caseId === entry.caseKey));

    expect(unknown).toEqual([]);
  });

  for (const measureKey of measureKeys) {
    const deck = cases.filter((testCase) => testCase.measureKey === measureKey);
    describe(`${measureKey} (${deck.length} cases)`, () => {
      for (const testCase of deck) {
        it(`${measureKey} ${testCase.name} [${testCase.caseId.slice(0, 8)}]`, async () => {
          const outcome = await runMeasureTestCase(getSampleMeasureEvaluator(testCase.measureUrl), testCase.resources, testCase.period);

          const contradiction = findPublishedContradiction("qicore-2025", measureKey, testCase.caseId);
          if (expectPublishedOutcome(outcome, testCase.expected, contradiction)) matched.set(measureKey, (matched.get(measureKey) ?? 0) + 1);
        });
      }
    });
  }
});
