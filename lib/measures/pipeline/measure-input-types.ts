/**
 * Resource types of a patient's compartment that the measures read. Only changes to these make a
 * patient's care gaps stale, so the pipeline's own MeasureReport and DetectedIssue writes, and
 * workflow resources such as Task, never trigger a re-evaluation.
 * NOTE: a configured fqm-execution measure that reads another type (say MedicationDispense)
 * needs that type added here, or its changes go unnoticed until the next full run.
 */
export const measureInputTypes: readonly string[] = [
  "Patient",
  "Encounter",
  "Condition",
  "Observation",
  "Procedure",
  "Immunization",
  "MedicationRequest",
  "ServiceRequest",
  "DeviceRequest",
  "AllergyIntolerance",
  "Coverage",
];
