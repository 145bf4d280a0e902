import type { Bundle, Resource } from "fhir/r4";

import type { MeasureEvaluator, MeasurementPeriod } from "../measure-evaluator";
import { readMeasureReportPopulations, type MeasurePopulations } from "../measure-populations";

/** The outcome of one published test case: the populations, or the message of the error the engine raised. */
export type MeasureTestOutcome = MeasurePopulations | { error: string };

/** Evaluates a test patient's resources for one period and returns the populations or the engine's error. */
export async function runMeasureTestCase(evaluator: MeasureEvaluator, resources: readonly Resource[], period: MeasurementPeriod): Promise<MeasureTestOutcome> {
  const patientData: Bundle = { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
  try {
    return readMeasureReportPopulations(await evaluator.evaluate(patientData, period));
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { error: error.message };
  }
}
