import { emptyMeasurePopulations, type MeasurePopulations } from "./measure-populations";

/**
 * Published test cases on which Lakeview's own measure computes other populations than the
 * published bundle run by fqm-execution. Only r4-2021 cases are listed: a rule changed between
 * the 2021 and 2025 specifications, and the own measures follow 2025. On every qicore-2025 case
 * the own measures compute what the published bundles do.
 */
export interface OwnMeasureDifference {
  /** "r4-2021-recoded" is the r4-2021 deck with CPT 99201 visits recoded as 99202 (see officeVisit99201). */
  deck: "qicore-2025" | "r4-2021" | "r4-2021-recoded";
  /** The deck's measure key: "CMS122" in both decks, "EXM125" and "EXM130" in r4-2021. */
  measureKey: string;
  /** Case folders: UUIDs in the qicore-2025 decks, names in the r4-2021 decks. */
  caseKeys: readonly string[];
  /** The CQL expression or the specification rule behind the difference. */
  reason: string;
  /** The populations Lakeview's own measure computes for every listed case. */
  populations: MeasurePopulations;
}

const none = emptyMeasurePopulations();
const inDenominator: MeasurePopulations = { ...none, "initial-population": 1, denominator: 1 };

const officeVisit99201 =
  "The only outpatient visit is coded CPT 99201, which CPT deleted on January 1, 2021. The Office Visit value set (2.16.840.1.113883.3.464.1003.101.12.1001) bundled with the r4-2021 measures contains 99201; the one bundled with the 2025 measures does not. The own measures follow 2025, so the patient has no qualifying encounter and is outside the initial population. The r4-2021 suite runs every case again with such visits recoded as 99202, which both versions of the value set contain, and the `r4-2021-recoded` entries list what still differs then.";

const ageRange2021 =
  "The 2021 logic takes the age at the start of the measurement period, in Interval[51, 74) for EXM125 and Interval[51, 75) for EXM130. The 2025 logic takes the age at its end, in Interval[52, 74] for CMS125 and Interval[46, 75] for CMS130. This patient falls inside the 2025 range but outside the 2021 one, or the other way round.";

/** Known differences between the own measures and the published bundles, one entry per reason. */
export const ownMeasureDifferences: readonly OwnMeasureDifference[] = [
  {
    deck: "r4-2021-recoded",
    measureKey: "EXM125",
    caseKeys: ["neg-ip-EXM125-observation-74yr"],
    reason: `Born 1947-01-01, 74 at both ends of 2021. ${ageRange2021}`,
    populations: { ...inDenominator, numerator: 1 },
  },
  {
    deck: "r4-2021-recoded",
    measureKey: "EXM125",
    caseKeys: ["numer-EXM125-diagnosticReport", "numer-EXM125-diagnosticReport-27m", "numer-EXM125-diagnosticReport-FAIL-27m"],
    reason: `Born 1970-01-01, 51 at both ends of 2021. ${ageRange2021}`,
    populations: none,
  },
  {
    deck: "r4-2021-recoded",
    measureKey: "EXM125",
    caseKeys: ["numer-EXM125-unilateral"],
    reason:
      "The only mammogram is a DiagnosticReport. The 2021 numerator reads `[Observation: \"Mammography\"]` or `[DiagnosticReport: \"Mammography\"]`; the 2025 numerator reads `[Observation: \"Mammography\"]` only.",
    populations: inDenominator,
  },
  {
    deck: "r4-2021-recoded",
    measureKey: "EXM125",
    caseKeys: ["denomexcl-EXM125-frailtyECF"],
    reason:
      "The exclusion comes from four 2021 nursing facility encounters (CPT 99334) over more than 90 days. The 2021 logic excludes patients 65 and older with \"Long Term Care Periods Longer Than 90 Consecutive Days\"; the 2025 logic replaced it with \"Is Age 66 or Older Living Long Term in a Nursing Home\", which reads a housing status Observation, and the case has none.",
    populations: inDenominator,
  },
  {
    deck: "r4-2021-recoded",
    measureKey: "EXM130",
    caseKeys: ["neg-ip-EXM130", "neg-ip-EXM130-50yr", "neg-ip-EXM130-75yr"],
    reason: `Born 1975-01-01, 1970-01-02 and 1946-01-01 respectively. ${ageRange2021}`,
    populations: inDenominator,
  },
  {
    deck: "r4-2021-recoded",
    measureKey: "EXM130",
    caseKeys: ["exclusion-EXM130-colectomy-icd9"],
    reason:
      "The exclusion comes from a Condition coded ICD-9-CM 45.82 (open total intra-abdominal colectomy). The 2021 logic also reads \"Total Colectomy Condition\" from the value set Total Colectomy ICD9 (2.16.840.1.113883.3.464.1003.198.11.1136); the 2025 logic reads only `[Procedure: \"Total Colectomy\"]`. The case's colonoscopy in 2012 then puts the patient in the numerator.",
    populations: { ...inDenominator, numerator: 1 },
  },
  {
    deck: "r4-2021",
    measureKey: "CMS122",
    caseKeys: [
      "denomexcl-CMS122",
      "denomexcl-CMS122-Patient",
    ],
    reason: officeVisit99201,
    populations: none,
  },
  {
    deck: "r4-2021",
    measureKey: "EXM125",
    caseKeys: [
      "denom-EXM125",
      "denomexcl-EXM125",
      "denomexcl-EXM125-bilateral",
      "denomexcl-EXM125-frailtyECF",
      "denomexcl-EXM125-frailtyWcRx",
      "denomexcl-EXM125-hospice",
      "numer-EXM125-diagnosticReport",
      "numer-EXM125-diagnosticReport-27m",
      "numer-EXM125-diagnosticReport-FAIL-27m",
      "numer-EXM125-diagnosticReport-FAIL-missing",
      "numer-EXM125-diagnosticReport-FAIL-prelim",
      "numer-EXM125-observation",
      "numer-EXM125-observation-27m",
      "numer-EXM125-observation-FAIL-27m",
      "numer-EXM125-observation-FAIL-missing",
      "numer-EXM125-observation-FAIL-prelim",
      "numer-EXM125-unilateral",
    ],
    reason: officeVisit99201,
    populations: none,
  },
  {
    deck: "r4-2021",
    measureKey: "EXM130",
    caseKeys: [
      "denom-EXM130",
      "denom-EXM130-51yr",
      "denom-EXM130-74yr",
      "exclusion-EXM130-colectomy",
      "exclusion-EXM130-colectomy-icd9",
      "exclusion-EXM130-hospice",
      "exclusion-EXM130-malignant",
      "numer-EXM130",
      "numer-EXM130-CTcolonography-5yr",
      "numer-EXM130-CTcolonography-FAIL-5yr",
      "numer-EXM130-CTcolonography-FAIL-missing",
      "numer-EXM130-CTcolonography-FAIL-prelim",
      "numer-EXM130-FecalOccult-1yr",
      "numer-EXM130-FecalOccult-1yr-cat-laboratory",
      "numer-EXM130-FecalOccult-1yr-multiple",
      "numer-EXM130-FecalOccult-FAIL-1yr",
      "numer-EXM130-FecalOccult-FAIL-1yr-TZoffset-00",
      "numer-EXM130-FecalOccult-FAIL-1yr-TZoffset-07",
      "numer-EXM130-FecalOccult-FAIL-cat-exam",
      "numer-EXM130-FecalOccult-FAIL-cat-missing",
      "numer-EXM130-FecalOccult-FAIL-cat-procedure",
      "numer-EXM130-FecalOccult-FAIL-cat-survey",
      "numer-EXM130-FecalOccult-FAIL-result",
      "numer-EXM130-FecalOccult-FAIL-status-missing",
      "numer-EXM130-FecalOccult-FAIL-status-prelim",
      "numer-EXM130-FitDNA-3yr",
      "numer-EXM130-FitDNA-3yr-multiple",
      "numer-EXM130-FitDNA-FAIL-3yr-TZoffset-00",
      "numer-EXM130-FitDNA-FAIL-3yr-TZoffset-07",
      "numer-EXM130-FitDNA-FAIL-category-laboratory",
      "numer-EXM130-FitDNA-FAIL-category-missing",
      "numer-EXM130-FitDNA-FAIL-result-missing",
      "numer-EXM130-FitDNA-FAIL-status-missing",
      "numer-EXM130-FitDNA-FAIL-status-prelim",
      "numer-EXM130-colonoscopy-10yr",
      "numer-EXM130-colonoscopy-FAIL-10yr",
      "numer-EXM130-colonoscopy-FAIL-missing",
      "numer-EXM130-colonoscopy-FAIL-stopped",
      "numer-EXM130-sigmoidoscopy-5yr",
      "numer-EXM130-sigmoidoscopy-FAIL-5yr",
      "numer-EXM130-sigmoidoscopy-FAIL-missing",
      "numer-EXM130-sigmoidoscopy-FAIL-stopped",
    ],
    reason: officeVisit99201,
    populations: none,
  },
];

/** Returns the listed difference for a case, or undefined when the own measure should agree. */
export function findOwnMeasureDifference(deck: OwnMeasureDifference["deck"], measureKey: string, caseKey: string): OwnMeasureDifference | undefined {
  return ownMeasureDifferences.find((entry) => entry.deck === deck && entry.measureKey === measureKey && entry.caseKeys.includes(caseKey));
}
