import type { MeasurePopulations } from "./measure-populations";

/**
 * A published test case where Lakeview's own measure computes other populations than the case
 * expects, because the expectation contradicts the case's own data or the measure text.
 */
export interface MeasureDisagreement {
  measureKey: string;
  caseId: string;
  reason: string;
  /** The populations Lakeview's own measure computes for the case. */
  populations: MeasurePopulations;
}

/** Known disagreements between the own measures and the qicore-2025 MADiE test decks. */
export const ownMeasureDisagreements: readonly MeasureDisagreement[] = [
  {
    measureKey: "CMS122",
    caseId: "5ed37c9e-85a3-4819-8051-3d960159cae0",
    reason:
      "The case is named HbA1cLessThan9 and expects the numerator to fail, but its only HbA1c Observation has no value. CMS122 counts the most recent assessment without a result as poor control, so the patient is in the numerator.",
    populations: { "initial-population": 1, denominator: 1, "denominator-exclusion": 0, "denominator-exception": 0, numerator: 1, "numerator-exclusion": 0 },
  },
  {
    measureKey: "CMS165",
    caseId: "45e01fed-56bb-483d-a860-af3d566bda11",
    reason:
      "The case is named DENEXPass DementiaMedAsReference and its 68-year-old patient has a frailty device order and an active rivastigmine order given as a Medication reference, which meets the frailty with advanced illness exclusion. The expectation of no exclusion follows a CQL engine limitation on medication references, not the measure.",
    populations: { "initial-population": 1, denominator: 1, "denominator-exclusion": 1, "denominator-exception": 0, numerator: 0, "numerator-exclusion": 0 },
  },
];
