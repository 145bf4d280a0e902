import type { Bundle } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { hasSampleData } from "@/lib/fhir/read-sample-resources";

import { createOwnMeasureEvaluator } from "../create-own-measure-evaluator";
import { readMeasureReportPopulations } from "../measure-populations";
import { findOwnMeasureDifference } from "../own-measure-differences";
import { findPublishedContradiction } from "../test-cases/published-contradictions";
import { readQicoreTestCases, type MeasureTestCase } from "../test-cases/read-qicore-test-cases";
import { listOwnMeasures } from "./list-own-measures";

const deckKeys = ["CMS125", "CMS130", "CMS122", "CMS165", "CMS131", "CMS124"];

function toCollection(testCase: MeasureTestCase): Bundle {
  const patientFirst = [...testCase.resources].sort((left, right) => Number(right.resourceType === "Patient") - Number(left.resourceType === "Patient"));
  return { resourceType: "Bundle", type: "collection", entry: patientFirst.map((resource) => ({ resource })) };
}

describe.skipIf(!hasSampleData())("own measures against the qicore-2025 test decks", () => {
  for (const measureKey of deckKeys) {
    const definition = listOwnMeasures().find((candidate) => candidate.cmsKey === measureKey);
    if (!definition) continue;
    const evaluator = createOwnMeasureEvaluator(definition);

    describe(measureKey, () => {
      for (const testCase of readQicoreTestCases(measureKey)) {
        const difference = findOwnMeasureDifference("qicore-2025", measureKey, testCase.caseId);
        const contradiction = findPublishedContradiction("qicore-2025", measureKey, testCase.caseId);

        it(`${testCase.name} (${testCase.caseId})`, async () => {
          const report = await evaluator.evaluate(toCollection(testCase), testCase.period);

          // A listed difference from fqm-execution gives the own populations. Otherwise the own
          // measure computes what fqm-execution does: the expectation, or the listed contradiction.
          const computed = readMeasureReportPopulations(report);
          if (difference) {
            expect(computed, difference.reason).toEqual(difference.populations);
          } else if (contradiction && !("error" in contradiction.computed)) {
            expect(computed, contradiction.reason).toEqual(contradiction.computed);
          } else {
            expect(computed).toEqual(testCase.expected);
          }
        });
      }
    });
  }
});
