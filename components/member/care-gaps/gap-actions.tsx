"use client";

import { useActionState } from "react";

import type { GapReportLimits } from "@/lib/care-gaps/care-gap-view";

import { askForGapHelp, reportGapDone } from "./actions";
import { initialGapActionState, type GapActionState } from "./gap-action-state";
import styles from "./care-gaps.module.css";
import { GapReportForm } from "./gap-report-form";
import { careGapsStrings } from "./strings";

interface GapActionsProps {
  gapId: string;
  /** The record the page shows; sent back only to detect a record switch in another tab. */
  patientId: string;
  /** The measure's plain title, for the report form's legend. */
  title: string;
  report: GapReportLimits | null;
  canAskForHelp: boolean;
}

/**
 * Renders a gap's two actions, "I had this done elsewhere" and "Ask for help", each with its own
 * live region. The regions stay mounted when the server re-renders the gap after a success, so
 * the confirmation is still announced after the form itself is gone.
 */
export function GapActions({ gapId, patientId, title, report, canAskForHelp }: GapActionsProps): React.ReactElement {
  const [reportState, reportAction, reporting] = useActionState(reportGapDone, initialGapActionState);
  const [helpState, helpAction, askingForHelp] = useActionState(askForGapHelp, initialGapActionState);

  return (
    <div className={styles.actions}>
      {report && (
        <GapReportForm gapId={gapId} patientId={patientId} title={title} limits={report} state={reportState} action={reportAction} pending={reporting} />
      )}
      <div role="status" aria-live="polite" className={reportState.status === "reported" ? styles.success : "form-error"}>
        {outcomeMessage(reportState)}
      </div>
      {canAskForHelp && (
        <form action={helpAction}>
          <input type="hidden" name="gapId" value={gapId} />
          <input type="hidden" name="patientId" value={patientId} />
          <button type="submit" className="button" disabled={askingForHelp} aria-disabled={askingForHelp}>
            {askingForHelp ? careGapsStrings.askingForHelp : careGapsStrings.askForHelp}
          </button>
        </form>
      )}
      <div role="status" aria-live="polite" className={helpState.status === "help-requested" ? styles.success : "form-error"}>
        {outcomeMessage(helpState)}
      </div>
    </div>
  );
}

function outcomeMessage(state: GapActionState): React.ReactNode {
  const text = outcomeText(state);
  return text === null ? null : <p key={state.submissions}>{text}</p>;
}

function outcomeText(state: GapActionState): string | null {
  const outcomes = careGapsStrings.outcomes;
  switch (state.status) {
    case "idle":
      return null;
    case "reported":
      return outcomes.reported;
    case "help-requested":
      return outcomes.helpRequested;
    case "invalid":
      return outcomes.fixErrors(Object.keys(state.errors).length);
    case "not-found":
      return outcomes.notFound;
    case "closed":
      return outcomes.closed;
    case "already-reported":
      return outcomes.alreadyReported;
    case "already-requested":
      return outcomes.alreadyRequested;
    case "not-reportable":
      return outcomes.notReportable;
    case "not-allowed":
      return outcomes.notAllowed;
    case "record-changed":
      return outcomes.recordChanged;
    case "failed":
      return outcomes.failed(state.reference ?? "");
  }
}
