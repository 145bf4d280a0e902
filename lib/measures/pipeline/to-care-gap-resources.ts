import type { DetectedIssue, MeasureReport } from "fhir/r4";

import type { MeasureEvaluator, MeasurementPeriod } from "../measure-evaluator";
import { readMeasureReportPopulations } from "../measure-populations";
import { careGapIssueId, measureReportId } from "./care-gap-ids";
import { careGapCodes, type GapStatus } from "./care-gap-codes";

/** The resources one evaluation stores for one patient and measure: a report and, in the denominator, a gap. */
export interface CareGapResources {
  report?: MeasureReport;
  issue?: DetectedIssue;
  /** Ids of results to delete because the patient no longer qualifies for them. */
  removeReportId?: string;
  removeIssueId?: string;
}

/**
 * Turns an evaluated report into the resources the contract fixes. A patient outside the initial
 * population gets none, and any stored ones are removed. A gap exists for a patient in the
 * denominator who is neither excluded nor excepted. `identified` is kept from the stored gap while
 * its status is unchanged, so re-evaluating the same outcome stores nothing new.
 */
export function toCareGapResources(
  evaluator: MeasureEvaluator,
  evaluated: MeasureReport,
  context: { patientId: string; period: MeasurementPeriod; storedIssue?: DetectedIssue; now: Date },
): CareGapResources {
  const measureId = evaluator.measure.id ?? "";
  const year = Number(context.period.start.slice(0, 4));
  const reportId = measureReportId(measureId, context.patientId, year);
  const issueId = careGapIssueId(measureId, context.patientId, year);
  const populations = readMeasureReportPopulations(evaluated);
  if (populations["initial-population"] === 0) {
    return { removeReportId: reportId, removeIssueId: issueId };
  }

  const report: MeasureReport = { ...evaluated, id: reportId, status: "complete", type: "individual", subject: { reference: `Patient/${context.patientId}` } };
  const inGapPopulation = populations.denominator === 1 && populations["denominator-exclusion"] === 0 && populations["denominator-exception"] === 0;
  if (!inGapPopulation) {
    return { report, removeIssueId: issueId };
  }

  const metGoal = evaluator.improvementNotation === "increase" ? populations.numerator === 1 : populations.numerator === 0;
  const status: GapStatus = metGoal ? "closed-gap" : "open-gap";
  const identified = gapStatusOf(context.storedIssue) === status ? context.storedIssue?.identifiedDateTime : undefined;
  return { report, issue: toDetectedIssue({ issueId, reportId, measureId, patientId: context.patientId, status, identified: identified ?? context.now.toISOString() }) };
}

/** Reads the DEQM gap status of a stored DetectedIssue. */
export function gapStatusOf(issue: DetectedIssue | undefined): GapStatus | undefined {
  const code = issue?.modifierExtension?.find((extension) => extension.url === careGapCodes.gapStatusExtension)?.valueCodeableConcept?.coding?.[0]?.code;
  return code === "open-gap" || code === "closed-gap" ? code : undefined;
}

function toDetectedIssue(parts: { issueId: string; reportId: string; measureId: string; patientId: string; status: GapStatus; identified: string }): DetectedIssue {
  return {
    resourceType: "DetectedIssue",
    id: parts.issueId,
    modifierExtension: [
      { url: careGapCodes.gapStatusExtension, valueCodeableConcept: { coding: [{ system: careGapCodes.gapStatusSystem, code: parts.status }] } },
    ],
    status: parts.status === "open-gap" ? "preliminary" : "final",
    code: { coding: [{ system: careGapCodes.actCodeSystem, code: careGapCodes.careGapCode, display: "Care Gaps" }] },
    patient: { reference: `Patient/${parts.patientId}` },
    identifiedDateTime: parts.identified,
    implicated: [{ reference: `Measure/${parts.measureId}` }],
    evidence: [{ detail: [{ reference: `MeasureReport/${parts.reportId}` }] }],
  };
}
