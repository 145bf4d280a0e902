import type { Bundle, Measure, MeasureReport } from "fhir/r4";

/** A measurement period as FHIR dates, both ends inclusive (for example 2025-01-01 to 2025-12-31). */
export interface MeasurementPeriod {
  start: string;
  end: string;
}

/**
 * One runnable quality measure. The project's own measures and the measure bundles a plan
 * configures (run by fqm-execution) both implement it, so storage, care gaps and the FHIR
 * operations treat them alike.
 */
export interface MeasureEvaluator {
  /** The Measure resource the reports point at; its id is the store id and `url` the canonical. */
  readonly measure: Measure;
  /** `increase` when a numerator hit is good (screenings), `decrease` when it is bad (HbA1c > 9%). */
  readonly improvementNotation: "increase" | "decrease";
  /**
   * Evaluates one patient. `patientData` is a collection Bundle holding the Patient and every
   * resource of the patient's compartment; the result is an individual MeasureReport.
   */
  evaluate(patientData: Bundle, period: MeasurementPeriod): Promise<MeasureReport>;
}
