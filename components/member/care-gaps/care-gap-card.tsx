import type { CareGapView } from "@/lib/care-gaps/care-gap-view";

import styles from "./care-gaps.module.css";
import { formatGapDate } from "./format-gap-date";
import { GapActions } from "./gap-actions";
import { GapStatus } from "./gap-status";
import { measureContent } from "./measure-content";
import { careGapsStrings } from "./strings";

/**
 * Renders one care gap in plain language: what it is, why it matters, what closes it, the due
 * date and its status, then the actions the member may take on it.
 */
export function CareGapCard({ gap, patientId, mayAct }: { gap: CareGapView; patientId: string; mayAct: boolean }): React.ReactElement {
  const content = measureContent(gap.measureId, gap.measureTitle);
  const headingId = `${gap.id}-heading`;
  // The actions stay mounted while the gap is open, even with no button left, so that their live
  // regions still announce the result after the server re-renders the gap.
  const showActions = mayAct && gap.status !== "closed";

  return (
    <article className={styles.gap} aria-labelledby={headingId}>
      <h3 id={headingId}>{content.title}</h3>
      <dl className={styles.facts}>
        <dt>{careGapsStrings.statusLabel}</dt>
        <dd>
          <GapStatus gap={gap} />
        </dd>
        <dt>{careGapsStrings.dueLabel}</dt>
        <dd>{formatGapDate(gap.dueDate)}</dd>
        <dt>{careGapsStrings.whatItIsLabel}</dt>
        <dd>{content.whatItIs}</dd>
        <dt>{careGapsStrings.whyItMattersLabel}</dt>
        <dd>{content.whyItMatters}</dd>
        <dt>{careGapsStrings.closesWhenLabel}</dt>
        <dd>{content.closesWhen(gap.countsFrom === null ? "" : formatGapDate(gap.countsFrom))}</dd>
      </dl>
      {showActions && <GapActions gapId={gap.id} patientId={patientId} title={content.title} report={gap.report} canAskForHelp={gap.canAskForHelp} />}
    </article>
  );
}
