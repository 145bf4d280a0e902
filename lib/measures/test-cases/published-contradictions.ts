import { emptyMeasurePopulations, type MeasurePopulations } from "../measure-populations";

/**
 * A published test case whose expectation disagrees with its own data or with the measure's
 * logic, together with what fqm-execution computes instead. The suites assert that the engine
 * still computes exactly `computed` for these cases, so an entry that stops being true fails.
 */
export interface PublishedContradiction {
  deck: "qicore-2025" | "r4-2021";
  measureKey: string;
  /** The case folder: its UUID in the qicore-2025 decks, its name in the r4-2021 decks. */
  caseKey: string;
  /** The resource and the rule that make the published expectation wrong. */
  reason: string;
  /** The populations the engine computes, or the start of the error it raises. */
  computed: MeasurePopulations | { error: string };
}

const inDenominator: MeasurePopulations = { ...emptyMeasurePopulations(), "initial-population": 1, denominator: 1 };
const inNumerator: MeasurePopulations = { ...inDenominator, numerator: 1 };

const valueCodedYes =
  "expects numerator 1. The numerator counts a most recent reading above 9 %, a most recent reading without a value, or no reading at all. This patient's Observation has a value, but a valueCodeableConcept (SNOMED 'Yes') instead of a Quantity, so `value > 9 '%'` is null and none of the three holds.";

const utcPeriod =
  "the period bounds are UTC (fqm-execution sets 00:00:00.000Z to 23:59:59.999Z), and the only test falls at 01:00 on the first day of its lookback window";

export const publishedContradictions: readonly PublishedContradiction[] = [
  {
    deck: "qicore-2025",
    measureKey: "CMS122",
    caseKey: "6630d394-c81d-42f5-a218-40b73a2a4949",
    reason: `"NUMPass GMIGreaterThan9" ${valueCodedYes}`,
    computed: inDenominator,
  },
  {
    deck: "qicore-2025",
    measureKey: "CMS122",
    caseKey: "8956ebb5-d3c0-4112-a34a-200961713efd",
    reason: `"NUMPass HbA1cGreaterThan9" ${valueCodedYes}`,
    computed: inDenominator,
  },
  {
    deck: "r4-2021",
    measureKey: "CMS122",
    caseKey: "no-ip-CMS122-Patient",
    reason:
      "The MeasureReport expects initial population 0, but the Patient is born 1965-06-30, 53 at the start of 2019, inside the initial population's Interval[18, 75), with diabetes, a finished 2019 Encounter and a latest 2019 HbA1c of 9.1 %. So she is in the initial population, the denominator and (HbA1c > 9 %) the numerator.",
    computed: inNumerator,
  },
  {
    deck: "r4-2021",
    measureKey: "CMS122",
    caseKey: "denomexcl-CMS122-Patient",
    reason:
      "The MeasureReport counts denominator 0 with denominator exclusion 1. A proportion measure's exclusion is a subset of its denominator (the denominator is the initial population here), so an excluded patient counts 1 in both, as fqm-execution and the MADiE reports of the qicore-2025 decks count them.",
    computed: { ...inDenominator, "denominator-exclusion": 1 },
  },
  {
    deck: "r4-2021",
    measureKey: "EXM125",
    caseKey: "denomexcl-EXM125-frailtyWcRx",
    reason:
      "The frailty exclusion needs the cumulative duration of the dementia MedicationRequest (donepezil), which has no dosageInstruction or dispenseRequest. CumulativeMedicationDurationFHIR4 1.0.000 then builds `System.Quantity { value: timing.repeat.period, … }` from the missing timing (CQL line 164), and cql-execution 3.3.2 raises an error for a Quantity without a value instead of returning null.",
    computed: { error: "Cannot create a quantity with an undefined value" },
  },
  {
    deck: "r4-2021",
    measureKey: "EXM130",
    caseKey: "numer-EXM130-FecalOccult-FAIL-1yr-TZoffset-00",
    reason: `The name states FAIL, but ${utcPeriod} (FOBT Observation at 2021-01-01T01:00:00+00:00), which is inside 2021. It is outside only when the period is read in a time zone west of UTC.`,
    computed: inNumerator,
  },
  {
    deck: "r4-2021",
    measureKey: "EXM130",
    caseKey: "numer-EXM130-FecalOccult-FAIL-1yr-TZoffset-07",
    reason: `The name states FAIL, but ${utcPeriod} (FOBT Observation starting 2021-01-01T01:00:00-06:00, which is 07:00 UTC), inside 2021.`,
    computed: inNumerator,
  },
  {
    deck: "r4-2021",
    measureKey: "EXM130",
    caseKey: "numer-EXM130-FitDNA-FAIL-3yr-TZoffset-00",
    reason: `The name states FAIL, but ${utcPeriod} (FIT-DNA Observation at 2019-01-01T01:00:00+00:00), inside the window from 2019-01-01 to 2021-12-31.`,
    computed: inNumerator,
  },
  {
    deck: "r4-2021",
    measureKey: "EXM130",
    caseKey: "numer-EXM130-FitDNA-FAIL-3yr-TZoffset-07",
    reason: `The name states FAIL, but ${utcPeriod} (FIT-DNA Observation starting 2019-01-01T01:00:00-06:00, which is 07:00 UTC), inside the window from 2019-01-01 to 2021-12-31.`,
    computed: inNumerator,
  },
  {
    deck: "r4-2021",
    measureKey: "EXM130",
    caseKey: "numer-EXM130-FitDNA-FAIL-category-laboratory",
    reason:
      "The name states FAIL, but its FIT-DNA Observation (LOINC 77353-1, final, category laboratory, 2019-01-01T01:00:00) differs from the one in numer-EXM130-FitDNA-3yr, which expects numerator 1, only in its id and subject, so the two cases cannot differ in outcome.",
    computed: inNumerator,
  },
];

/** Returns the listed contradiction for a case, or undefined when its expectation should hold. */
export function findPublishedContradiction(deck: PublishedContradiction["deck"], measureKey: string, caseKey: string): PublishedContradiction | undefined {
  return publishedContradictions.find((entry) => entry.deck === deck && entry.measureKey === measureKey && entry.caseKey === caseKey);
}
