/**
 * One stored care gap: a DetectedIssue the measure pipeline wrote for a patient in a measure's
 * denominator. The shape is the one `listCareGaps` returns, so readers can be swapped.
 */
export interface CareGap {
  /** The DetectedIssue id. */
  id: string;
  patientId: string;
  /** The Measure id, such as "lakeview-cms125". */
  measureId: string;
  measureTitle: string;
  status: "open" | "closed";
  /** First day of the measurement period, as a FHIR date. */
  periodStart: string;
  /** Last day of the measurement period, as a FHIR date. */
  periodEnd: string;
  /** When the pipeline identified the gap, as a FHIR dateTime. */
  identified: string;
}
