import type { MeasureReport } from "fhir/r4";

/** Population codes of http://terminology.hl7.org/CodeSystem/measure-population that proportion measures use. */
export const measurePopulationCodes = [
  "initial-population",
  "denominator",
  "denominator-exclusion",
  "denominator-exception",
  "numerator",
  "numerator-exclusion",
] as const;

export type MeasurePopulationCode = (typeof measurePopulationCodes)[number];

/** One subject's count (0 or 1) in each population of a proportion measure's first group. */
export type MeasurePopulations = Record<MeasurePopulationCode, number>;

export const measurePopulationSystem = "http://terminology.hl7.org/CodeSystem/measure-population";

/**
 * Reads the population counts of an individual MeasureReport's first group. A population the
 * report leaves out counts 0, because MADiE and fqm-execution omit the populations a measure
 * does not define (most screening measures define no exception).
 */
export function readMeasureReportPopulations(report: MeasureReport): MeasurePopulations {
  const populations = emptyMeasurePopulations();
  for (const population of report.group?.[0]?.population ?? []) {
    const code = population.code?.coding?.find((coding) => coding.system === measurePopulationSystem)?.code;
    if (isMeasurePopulationCode(code)) populations[code] = population.count ?? 0;
  }
  return populations;
}

/** Returns populations with every count 0. */
export function emptyMeasurePopulations(): MeasurePopulations {
  return {
    "initial-population": 0,
    denominator: 0,
    "denominator-exclusion": 0,
    "denominator-exception": 0,
    numerator: 0,
    "numerator-exclusion": 0,
  };
}

function isMeasurePopulationCode(code: string | undefined): code is MeasurePopulationCode {
  return (measurePopulationCodes as readonly (string | undefined)[]).includes(code);
}
