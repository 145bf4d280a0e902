import type { EvidenceValueKind } from "./evidence-templates";

/**
 * Status of a gap as the member reads it: open, reported and waiting for a care manager, accepted
 * but not yet closed by the next recompute, rejected with a reason, or closed.
 */
export type CareGapStatus = "open" | "pending-review" | "accepted" | "rejected" | "closed";

/** The limits the "I had this done elsewhere" form shows and checks. */
export interface GapReportLimits {
  values: EvidenceValueKind;
  /** Earliest service date that counts, YYYY-MM-DD. */
  earliestDate: string;
  /** Latest service date accepted: today or the end of the period, whichever is earlier. */
  latestDate: string;
}

/** One care gap as the member pages show it. Text per measure comes from the strings file. */
export interface CareGapView {
  /** The DetectedIssue id, which the actions receive back. */
  id: string;
  measureId: string;
  /** The measure's own title, shown for a measure the strings file has no text for. */
  measureTitle: string;
  status: CareGapStatus;
  /** End of the measurement period, YYYY-MM-DD: the date by which the gap should be closed. */
  dueDate: string;
  /** Date of the member's latest report, YYYY-MM-DD, or null when they have not reported. */
  reportedOn: string | null;
  /** The care manager's reason, for a rejected report. */
  rejectionReason: string | null;
  /** Earliest service date that closes the gap, YYYY-MM-DD, or null for a measure without an evidence template. */
  countsFrom: string | null;
  /** Whether an outreach Task the member asked for is still open. */
  helpRequested: boolean;
  /** The report form's limits, or null when the member may not report on this gap now. */
  report: GapReportLimits | null;
  canAskForHelp: boolean;
}

/** The gaps of one record, open ones (by due date) first, then closed ones. */
export interface MemberCareGaps {
  open: CareGapView[];
  closed: CareGapView[];
}
