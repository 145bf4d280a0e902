import { afterAll, describe, expect, it } from "vitest";

import { measureSuiteSkipReason } from "../test-cases/measure-suite-skip-reason";
import { findPublishedContradiction, publishedContradictions } from "../test-cases/published-contradictions";
import { readR4TestCases } from "../test-cases/read-r4-test-cases";
import { expectPublishedOutcome } from "./expect-published-outcome";
import { getSampleMeasureEvaluator } from "./get-sample-measure-evaluator";
import { runMeasureTestCase } from "./run-measure-test-case";

// Runs the ecqm-content-r4-2021 decks (EXM125, EXM130, CMS122) against the r4-2021 measure
// bundles, each case its own test comparing every population. Skipped on the PostgreSQL pass
// (see measureSuiteSkipReason) because it touches no database.
const skipReason = measureSuiteSkipReason();
const cases = skipReason ? [] : readR4TestCases();
const measureKeys = [...new Set(cases.map((testCase) => testCase.measureKey))];
const matched = new Map<string, number>();

/** The r4-2021 Measure each deck belongs to; the decks name no Measure except in five MeasureReports. */
const measureUrls: Record<string, string> = {
  EXM125: "http://ecqi.healthit.gov/ecqms/Measure/BreastCancerScreeningsFHIR",
  EXM130: "http://ecqi.healthit.gov/ecqms/Measure/ColorectalCancerScreeningsFHIR",
  CMS122: "http://ecqi.healthit.gov/ecqms/Measure/DiabetesHemoglobinA1cHbA1cPoorControl9FHIR",
};

describe.skipIf(skipReason !== undefined)(`fqm-execution on the r4-2021 decks${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  afterAll(() => {
    for (const measureKey of measureKeys) {
      const total = cases.filter((testCase) => testCase.measureKey === measureKey).length;
      console.log(`${measureKey} r4-2021: ${matched.get(measureKey) ?? 0} of ${total} cases match their published expectation`);
    }
  });

  it("lists 73 cases, 5 with a MeasureReport", () => {
    expect(cases).toHaveLength(73);
    expect(cases.filter((testCase) => testCase.expectationSource === "measure-report")).toHaveLength(5);
  });

  it("lists only contradictions of existing cases", () => {
    const listed = publishedContradictions.filter((entry) => entry.deck === "r4-2021");

    const unknown = listed.filter((entry) => !cases.some((testCase) => testCase.measureKey === entry.measureKey && testCase.name === entry.caseKey));

    expect(unknown).toEqual([]);
  });

  for (const measureKey of measureKeys) {
    const deck = cases.filter((testCase) => testCase.measureKey === measureKey);
    describe(`${measureKey} (${deck.length} cases)`, () => {
      for (const testCase of deck) {
        it(`${measureKey} ${testCase.name} (expectation from ${testCase.expectationSource})`, async () => {
          const outcome = await runMeasureTestCase(getSampleMeasureEvaluator(measureUrls[measureKey] ?? measureKey), testCase.resources, testCase.period);

          const contradiction = findPublishedContradiction("r4-2021", measureKey, testCase.name);
          if (expectPublishedOutcome(outcome, testCase.expected, contradiction)) matched.set(measureKey, (matched.get(measureKey) ?? 0) + 1);
        });
      }
    });
  }
});
