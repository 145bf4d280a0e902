import { afterAll, describe, expect, it } from "vitest";

import { createOwnMeasureEvaluator } from "../create-own-measure-evaluator";
import { getSampleMeasureEvaluator } from "../fqm/get-sample-measure-evaluator";
import { runMeasureTestCase } from "../fqm/run-measure-test-case";
import { findOwnMeasureDifference, ownMeasureDifferences } from "../own-measure-differences";
import { measureSuiteSkipReason } from "../test-cases/measure-suite-skip-reason";
import { readQicoreTestCases } from "../test-cases/read-qicore-test-cases";
import { listOwnMeasures } from "./list-own-measures";

// Runs every qicore-2025 case of the six decks through both the own measure and the published
// bundle (fqm-execution), and asserts equal populations unless the case is a listed difference.
// Running fqm-execution on all 299 cases, not only the listed ones, took 21 s for this file alone
// and 33 s beside another suite (`npx vitest run`, two cores shared with other jobs). Skipped on
// the PostgreSQL pass (see measureSuiteSkipReason) because it touches no database.
const skipReason = measureSuiteSkipReason();
const cases = skipReason ? [] : readQicoreTestCases();
const measureKeys = [...new Set(cases.map((testCase) => testCase.measureKey))];
const agreed = new Map<string, number>();

describe.skipIf(skipReason !== undefined)(`own measures against fqm-execution on the qicore-2025 decks${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  afterAll(() => {
    for (const measureKey of measureKeys) {
      const total = cases.filter((testCase) => testCase.measureKey === measureKey).length;
      console.log(`${measureKey} qicore-2025: own and fqm-execution agree on ${agreed.get(measureKey) ?? 0} of ${total} cases`);
    }
  });

  it("covers the six own measures with decks", () => {
    expect(measureKeys.toSorted()).toEqual(["CMS122", "CMS124", "CMS125", "CMS130", "CMS131", "CMS165"]);
  });

  it("lists only differences of existing cases", () => {
    const listed = ownMeasureDifferences.filter((entry) => entry.deck === "qicore-2025").flatMap((entry) => entry.caseKeys.map((caseKey) => ({ measureKey: entry.measureKey, caseKey })));

    const unknown = listed.filter((entry) => !cases.some((testCase) => testCase.measureKey === entry.measureKey && testCase.caseId === entry.caseKey));

    expect(unknown).toEqual([]);
  });

  for (const measureKey of measureKeys) {
    const definition = listOwnMeasures().find((candidate) => candidate.cmsKey === measureKey);
    const deck = cases.filter((testCase) => testCase.measureKey === measureKey);

    describe(`${measureKey} (${deck.length} cases)`, () => {
      for (const testCase of deck) {
        it(`${measureKey} ${testCase.name} [${testCase.caseId.slice(0, 8)}]`, async () => {
          if (!definition) throw new Error(`No own measure has the key ${measureKey}; add it to listOwnMeasures.`);
          const difference = findOwnMeasureDifference("qicore-2025", measureKey, testCase.caseId);

          const own = await runMeasureTestCase(createOwnMeasureEvaluator(definition), testCase.resources, testCase.period);
          const fqm = await runMeasureTestCase(getSampleMeasureEvaluator(testCase.measureUrl), testCase.resources, testCase.period);

          if (!difference) {
            expect(own).toEqual(fqm);
            agreed.set(measureKey, (agreed.get(measureKey) ?? 0) + 1);
            return;
          }
          expect(own, `listed as a difference: ${difference.reason}`).toEqual(difference.populations);
          expect(fqm, `listed as a difference: ${difference.reason}`).not.toEqual(difference.populations);
        });
      }
    });
  }
});
