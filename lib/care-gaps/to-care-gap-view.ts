import { parseFhirDate } from "../claims/parse-fhir-date";
import type { CareGap } from "./list-care-gaps";
import type { CareGapStatus, CareGapView } from "./care-gap-view";
import { getEvidenceTemplate, windowStartOf } from "./evidence-templates";
import { hasOpenOutreach, toReviewState, type ReviewState } from "./gap-task-state";
import type { GapTasks } from "./list-gap-tasks";

/** What the view of a gap depends on besides the gap and its Tasks. */
export interface GapViewContext {
  /** Today's date, YYYY-MM-DD. */
  today: string;
  /** Whether the signed-in member may act on this record (their own, or a child under 13's). */
  mayAct: boolean;
}

/**
 * Maps a stored gap and its Tasks to the view the member pages render. A closed gap stays closed whatever its
 * Tasks say. The member may report while the gap is open and no report waits for review, and
 * ask for help while the gap is open and no request is already open.
 */
export function toCareGapView(gap: CareGap, tasks: GapTasks | undefined, context: GapViewContext): CareGapView {
  const review = toReviewState(tasks);
  const status = statusOf(gap, review);
  const helpRequested = hasOpenOutreach(tasks);
  const template = getEvidenceTemplate(gap.measureId);
  const countsFrom = template === null ? null : windowStartOf(template, gap.periodStart);
  const mayReport = context.mayAct && template !== null && countsFrom !== null && (status === "open" || status === "rejected");

  return {
    id: gap.id,
    measureId: gap.measureId,
    measureTitle: gap.measureTitle,
    status,
    dueDate: gap.periodEnd,
    reportedOn: review.kind === "none" ? null : review.reportedOn || null,
    rejectionReason: review.kind === "rejected" ? review.reason : null,
    countsFrom,
    helpRequested: status !== "closed" && helpRequested,
    report: mayReport
      ? { values: template.values, earliestDate: countsFrom, latestDate: earlierOf(context.today, gap.periodEnd) }
      : null,
    canAskForHelp: context.mayAct && status !== "closed" && !helpRequested,
  };
}

function statusOf(gap: CareGap, review: ReviewState): CareGapStatus {
  if (gap.status === "closed") return "closed";
  switch (review.kind) {
    case "none":
      return "open";
    case "pending":
      return "pending-review";
    case "accepted":
      return "accepted";
    case "rejected":
      return "rejected";
  }
}

/** Returns the earlier of two YYYY-MM-DD dates. */
function earlierOf(first: string, second: string): string {
  const firstStart = parseFhirDate(first)?.start.getTime() ?? Number.POSITIVE_INFINITY;
  const secondStart = parseFhirDate(second)?.start.getTime() ?? Number.POSITIVE_INFINITY;
  return firstStart <= secondStart ? first : second;
}
