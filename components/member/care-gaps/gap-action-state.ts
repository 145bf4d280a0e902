import type { GapReportErrors, GapReportField } from "@/lib/care-gaps/parse-gap-report";

/** Outcome of an action on a gap, as the form shows it. */
export type GapActionStatus =
  | "idle"
  | "reported"
  | "help-requested"
  | "invalid"
  | "not-found"
  | "closed"
  | "already-reported"
  | "already-requested"
  | "not-reportable"
  | "not-allowed"
  | "record-changed"
  | "failed";

/** Result of a care gap action, which the gap's actions render. */
export interface GapActionState {
  status: GapActionStatus;
  /** The report form's values as last sent, so an invalid form keeps what the member typed. */
  fields: Record<GapReportField, string>;
  errors: GapReportErrors;
  /** Error reference for "failed", to quote to Member Services. */
  reference?: string;
  /** Counts submissions, so a repeated message is a new node that screen readers announce again. */
  submissions: number;
}

/** The state before the member sends anything. */
export const initialGapActionState: GapActionState = {
  status: "idle",
  fields: { date: "", place: "", hba1c: "", systolic: "", diastolic: "" },
  errors: {},
  submissions: 0,
};
