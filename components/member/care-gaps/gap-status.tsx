import type { CareGapStatus, CareGapView } from "@/lib/care-gaps/care-gap-view";

import styles from "./care-gaps.module.css";
import { formatGapDate } from "./format-gap-date";
import { careGapsStrings } from "./strings";

const statusClass: Record<CareGapStatus, string | undefined> = {
  open: styles.statusOpen,
  "pending-review": styles.statusPending,
  accepted: styles.statusAccepted,
  rejected: styles.statusRejected,
  closed: styles.statusClosed,
};

/** Renders a gap's status as a label, with what it means for the member underneath. */
export function GapStatus({ gap }: { gap: CareGapView }): React.ReactElement {
  return (
    <>
      <span className={`${styles.status} ${statusClass[gap.status] ?? ""}`}>{careGapsStrings.statuses[gap.status]}</span>
      {statusDetails(gap).map((text) => (
        <p key={text} className={styles.detail}>
          {text}
        </p>
      ))}
    </>
  );
}

function statusDetails(gap: CareGapView): string[] {
  const details: string[] = [];
  if (gap.status === "pending-review" && gap.reportedOn) details.push(careGapsStrings.reportedOn(formatGapDate(gap.reportedOn)));
  if (gap.status === "accepted") details.push(careGapsStrings.acceptedDetail);
  if (gap.status === "rejected") {
    details.push(gap.rejectionReason ? careGapsStrings.rejectedWithReason(gap.rejectionReason) : careGapsStrings.rejectedWithoutReason);
    if (gap.report) details.push(careGapsStrings.reportAgain);
  }
  if (gap.helpRequested) details.push(careGapsStrings.helpRequested);
  return details;
}
