import type { GapReportErrors } from "./parse-gap-report";

/**
 * The result of a member's action on a gap. Everything but "reported" and "help-requested"
 * wrote nothing.
 */
export type GapActionOutcome =
  | { kind: "reported"; taskId: string; measureId: string }
  | { kind: "help-requested"; taskId: string }
  /** No gap with that id on the record: absent, or another member's. */
  | { kind: "not-found" }
  | { kind: "closed" }
  /** A report on this gap already waits for review. */
  | { kind: "already-reported" }
  /** An outreach request on this gap is already open. */
  | { kind: "already-requested" }
  /** The gap's measure has no evidence template, so it takes no reports. */
  | { kind: "not-reportable" }
  | { kind: "invalid"; errors: GapReportErrors };
