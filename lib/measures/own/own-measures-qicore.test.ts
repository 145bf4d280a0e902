import type { Bundle } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { hasSampleData } from "@/lib/fhir/read-sample-resources";

import { createOwnMeasureEvaluator } from "../create-own-measure-evaluator";
import { readMeasureReportPopulations } from "../measure-populations";
import { ownMeasureDisagreements } from "../own-measure-disagreements";
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
        const disagreement = ownMeasureDisagreements.find((entry) => entry.measureKey === measureKey && entry.caseId === testCase.caseId);

        it(`${testCase.name} (${testCase.caseId})`, async () => {
          const report = await evaluator.evaluate(toCollection(testCase), testCase.period);

          const computed = readMeasureReportPopulations(report);
          expect(computed).toEqual(disagreement ? disagreement.populations : testCase.expected);
          if (disagreement) expect(computed).not.toEqual(testCase.expected);
        });
      }
    });
  }
});
