import type { DetectedIssue } from "fhir/r4";

import type { Database } from "@/lib/db/database";
import { careGapCodes } from "@/lib/measures/pipeline/care-gap-codes";
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

  const issues = (await loadCareGapIssues(db, patientIds)).filter((issue) => options.status === undefined || toStatus(issue) === options.status);
  const reports = await loadCurrentResources(db.sql, "MeasureReport", issues.map(reportIdOf));
  const measures = await loadCurrentResources(db.sql, "Measure", [...new Set(issues.map(measureIdOf))]);

  const gaps = issues.map((issue): CareGap => {
    const report = reports.get(reportIdOf(issue));
    const measureId = measureIdOf(issue);
    const measure = measures.get(measureId);
    return {
      id: issue.id ?? "",
      patientId: issue.patient?.reference?.replace(/^Patient\//, "") ?? "",
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

async function loadCareGapIssues(db: Database, patientIds: readonly string[]): Promise<DetectedIssue[]> {
  const rows = await db.sql.query<{ content: DetectedIssue }>(
    `SELECT v.content FROM resource_compartment c
     JOIN resource r ON r.resource_type = c.resource_type AND r.id = c.resource_id
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE c.compartment_type = 'Patient' AND c.compartment_id = ANY($1::text[]) AND c.resource_type = 'DetectedIssue' AND NOT r.deleted`,
    [patientIds],
  );
  return rows
    .map((row) => row.content)
    .filter((issue) => issue.code?.coding?.some((coding) => coding.system === careGapCodes.actCodeSystem && coding.code === careGapCodes.careGapCode) && gapStatusOf(issue) !== undefined);
}

function toStatus(issue: DetectedIssue): "open" | "closed" {
  return gapStatusOf(issue) === "open-gap" ? "open" : "closed";
}

function reportIdOf(issue: DetectedIssue): string {
  return issue.evidence?.[0]?.detail?.[0]?.reference?.replace(/^MeasureReport\//, "") ?? "";
}

function measureIdOf(issue: DetectedIssue): string {
  return issue.implicated?.[0]?.reference?.replace(/^Measure\//, "") ?? "";
}

function compareGaps(left: CareGap, right: CareGap): number {
  if (left.patientId !== right.patientId) return left.patientId < right.patientId ? -1 : 1;
  if (left.status !== right.status) return left.status === "open" ? -1 : 1;
  return left.measureTitle.localeCompare(right.measureTitle);
}
