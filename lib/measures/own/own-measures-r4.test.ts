import type { Encounter, Resource } from "fhir/r4";
import { afterAll, describe, expect, it } from "vitest";

import { createOwnMeasureEvaluator } from "../create-own-measure-evaluator";
import { runMeasureTestCase } from "../fqm/run-measure-test-case";
import type { MeasurePopulations } from "../measure-populations";
import { findOwnMeasureDifference, ownMeasureDifferences, type OwnMeasureDifference } from "../own-measure-differences";
import { measureSuiteSkipReason } from "../test-cases/measure-suite-skip-reason";
import { findPublishedContradiction } from "../test-cases/published-contradictions";
import { readR4TestCases, type R4MeasureTestCase } from "../test-cases/read-r4-test-cases";
import { listOwnMeasures } from "./list-own-measures";

// Runs the own measures on the ecqm-content-r4-2021 decks (EXM125, EXM130, CMS122), each case its
// own test with the deck's period, twice: as published, and with CPT 99201 visits recoded as
// 99202. Skipped on the PostgreSQL pass (see measureSuiteSkipReason) because it touches no database.
const skipReason = measureSuiteSkipReason();
const cases = skipReason ? [] : readR4TestCases();
const measureKeys = [...new Set(cases.map((testCase) => testCase.measureKey))];

/** The own measure each r4-2021 deck checks. */
const ownKeys: Record<string, string> = { EXM125: "CMS125", EXM130: "CMS130", CMS122: "CMS122" };

const cptSystem = "http://www.ama-assn.org/go/cpt";

/**
 * Returns the populations fqm-execution computes for a case with the r4-2021 bundle: the published
 * expectation, or the listed contradiction's populations when the expectation is wrong. A case
 * where the engine raises an error keeps its expectation.
 */
function publishedOutcome(testCase: R4MeasureTestCase): MeasurePopulations {
  const contradiction = findPublishedContradiction("r4-2021", testCase.measureKey, testCase.name);
  if (!contradiction || "error" in contradiction.computed) return testCase.expected;
  return contradiction.computed;
}

/**
 * Recodes Encounter.type CPT 99201 (deleted from CPT in 2021, absent from the 2025 Office Visit
 * value set) as 99202. The r4-2021 Office Visit value set contains both codes, so the published
 * outcome stays the same while the own measures get a qualifying visit. NOTE: no test runs
 * fqm-execution on the recoded cases; a one-off run of all 73 gave the unrecoded populations.
 */
function recodeOfficeVisits(resources: readonly Resource[]): Resource[] {
  return resources.map((resource) => {
    if (resource.resourceType !== "Encounter") return resource;
    const encounter = resource as Encounter;
    const type = encounter.type?.map((concept) => ({
      ...concept,
      coding: concept.coding?.map((coding) => (coding.system === cptSystem && coding.code === "99201" ? { ...coding, code: "99202" } : coding)),
    }));
    return { ...encounter, type };
  });
}

function describeDeckPass(deck: OwnMeasureDifference["deck"], toResources: (testCase: R4MeasureTestCase) => readonly Resource[]): void {
  const agreed = new Map<string, number>();

  describe(`deck ${deck}`, () => {
    afterAll(() => {
      for (const measureKey of measureKeys) {
        const total = cases.filter((testCase) => testCase.measureKey === measureKey).length;
        console.log(`${measureKey} ${deck}: own measure agrees with the published outcome on ${agreed.get(measureKey) ?? 0} of ${total} cases`);
      }
    });

    it("lists only differences of existing cases", () => {
      const listed = ownMeasureDifferences.filter((entry) => entry.deck === deck).flatMap((entry) => entry.caseKeys.map((caseKey) => ({ measureKey: entry.measureKey, caseKey })));

      const unknown = listed.filter((entry) => !cases.some((testCase) => testCase.measureKey === entry.measureKey && testCase.name === entry.caseKey));

      expect(unknown).toEqual([]);
    });

    for (const measureKey of measureKeys) {
      const definition = listOwnMeasures().find((candidate) => candidate.cmsKey === ownKeys[measureKey]);
      const deckCases = cases.filter((testCase) => testCase.measureKey === measureKey);

      describe(`${measureKey} (${deckCases.length} cases)`, () => {
        for (const testCase of deckCases) {
          it(`${measureKey} ${testCase.name}`, async () => {
            if (!definition) throw new Error(`No own measure is mapped to the r4-2021 deck ${measureKey}; add it to ownKeys.`);
            const difference = findOwnMeasureDifference(deck, measureKey, testCase.name);
            const published = publishedOutcome(testCase);

            const own = await runMeasureTestCase(createOwnMeasureEvaluator(definition), toResources(testCase), testCase.period);

            if (!difference) {
              expect(own).toEqual(published);
              agreed.set(measureKey, (agreed.get(measureKey) ?? 0) + 1);
              return;
            }
            expect(own, `listed as a difference: ${difference.reason}`).toEqual(difference.populations);
            expect(own, `listed as a difference: ${difference.reason}`).not.toEqual(published);
          });
        }
      });
    }
  });
}

describe.skipIf(skipReason !== undefined)(`own measures on the r4-2021 decks${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  it("lists 73 cases", () => {
    expect(cases).toHaveLength(73);
  });

  describeDeckPass("r4-2021", (testCase) => testCase.resources);
  describeDeckPass("r4-2021-recoded", (testCase) => recodeOfficeVisits(testCase.resources));
});
