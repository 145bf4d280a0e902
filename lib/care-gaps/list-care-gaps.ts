import type { DetectedIssue } from "fhir/r4";

import type { Database } from "@/lib/db/database";
import { loadCareGapIssues, measureIdOf, patientIdOf, reportIdOf } from "@/lib/measures/pipeline/load-care-gap-issues";
import { loadCurrentResources } from "@/lib/measures/pipeline/load-current-resources";
import { gapStatusOf } from "@/lib/measures/pipeline/to-care-gap-resources";

/** One stored care gap, as pages show it. */
export interface CareGap {
  /** The DetectedIssue id. */
  id: string;
  patientId: string;
  measureId: string;
  measureTitle: string;
  status: "open" | "closed";
  /** The measurement period of the gap's MeasureReport, as FHIR dates. */
  periodStart: string;
  periodEnd: string;
  /** When the gap was identified in its current status, as a FHIR dateTime. */
  identified: string;
}

/**
 * Lists the stored care gaps (DetectedIssue with code CAREGAP) of the given patients, ordered by
 * patient, open before closed, then by measure title. It checks no access: the caller passes only
 * patients the signed-in user may see (their own record, or their panel).
 */
export async function listCareGaps(db: Database, patientIds: readonly string[], options: { status?: "open" | "closed" } = {}): Promise<CareGap[]> {
  if (patientIds.length === 0) return [];

  const issues = (await loadCareGapIssues(db.sql, patientIds)).filter((issue) => options.status === undefined || toStatus(issue) === options.status);
  const reports = await loadCurrentResources(db.sql, "MeasureReport", issues.map(reportIdOf));
  const measures = await loadCurrentResources(db.sql, "Measure", [...new Set(issues.map(measureIdOf))]);

  const gaps = issues.map((issue): CareGap => {
    const report = reports.get(reportIdOf(issue));
    const measureId = measureIdOf(issue);
    const measure = measures.get(measureId);
    return {
      id: issue.id ?? "",
      patientId: patientIdOf(issue),
      measureId,
      measureTitle: measure?.title ?? measure?.name ?? measureId,
      status: toStatus(issue),
      periodStart: report?.period.start ?? "",
      periodEnd: report?.period.end ?? "",
      identified: issue.identifiedDateTime ?? "",
    };
  });
  return gaps.sort(compareGaps);
}

function toStatus(issue: DetectedIssue): "open" | "closed" {
  return gapStatusOf(issue) === "open-gap" ? "open" : "closed";
}

function compareGaps(left: CareGap, right: CareGap): number {
  if (left.patientId !== right.patientId) return left.patientId < right.patientId ? -1 : 1;
  if (left.status !== right.status) return left.status === "open" ? -1 : 1;
  return left.measureTitle.localeCompare(right.measureTitle);
}
