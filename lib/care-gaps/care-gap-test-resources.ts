import type { DetectedIssue, MeasureReport, Patient } from "fhir/r4";

import { careGapCode, gapStatusExtensionUrl, gapStatusSystem } from "./care-gap-codes";

/** Builds a test Patient. */
export function gapPatient(id: string): Patient {
  return { resourceType: "Patient", id, name: [{ family: "Reyes", given: ["Ana"] }], gender: "female", birthDate: "1972-05-14" };
}

/**
 * Builds the MeasureReport and DetectedIssue the measure pipeline stores for one patient,
 * measure and period year, in the contract's shape, open unless `status` is "closed".
 */
export function gapResources(patientId: string, measureId: string, year: number, status: "open" | "closed" = "open"): [MeasureReport, DetectedIssue] {
  const reportId = `mr-${measureId}-${patientId}-${year}`;
  const report: MeasureReport = {
    resourceType: "MeasureReport",
    id: reportId,
    status: "complete",
    type: "individual",
    measure: `https://lakeview.example/fhir/Measure/${measureId}`,
    subject: { reference: `Patient/${patientId}` },
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
  };
  const issue: DetectedIssue = {
    resourceType: "DetectedIssue",
    id: `gap-${measureId}-${patientId}-${year}`,
    status: status === "open" ? "preliminary" : "final",
    code: { coding: [{ ...careGapCode }] },
    patient: { reference: `Patient/${patientId}` },
    identifiedDateTime: `${year}-03-01T00:00:00Z`,
    evidence: [{ detail: [{ reference: `MeasureReport/${reportId}` }] }],
    implicated: [{ reference: `Measure/${measureId}`, display: `Title of ${measureId}` }],
    modifierExtension: [
      { url: gapStatusExtensionUrl, valueCodeableConcept: { coding: [{ system: gapStatusSystem, code: status === "open" ? "open-gap" : "closed-gap" }] } },
    ],
  };
  return [report, issue];
}
