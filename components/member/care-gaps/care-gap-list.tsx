import type { MemberCareGaps } from "@/lib/care-gaps/care-gap-view";

import { EmptyState } from "../health/empty-state";
import { CareGapCard } from "./care-gap-card";
import styles from "./care-gaps.module.css";
import { careGapsStrings } from "./strings";

interface CareGapListProps {
  gaps: MemberCareGaps;
  patientId: string;
  /** Whether the member may report and ask for help on this record; false for a shared teen's record. */
  mayAct: boolean;
}

/** Renders the open care gaps, then the closed ones, each list with its empty state. */
export function CareGapList({ gaps, patientId, mayAct }: CareGapListProps): React.ReactElement {
  return (
    <>
      {!mayAct && <p className="note">{careGapsStrings.viewOnlyNote}</p>}
      <section className="panel" aria-labelledby="open-gaps-heading">
        <h2 id="open-gaps-heading">{careGapsStrings.openHeading}</h2>
        {gaps.open.length === 0 ? (
          <EmptyState>{careGapsStrings.noOpenGaps}</EmptyState>
        ) : (
          <ul className={styles.list}>
            {gaps.open.map((gap) => (
              <li key={gap.id}>
                <CareGapCard gap={gap} patientId={patientId} mayAct={mayAct} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="closed-gaps-heading">
        <h2 id="closed-gaps-heading">{careGapsStrings.closedHeading}</h2>
        {gaps.closed.length === 0 ? (
          <EmptyState>{careGapsStrings.noClosedGaps}</EmptyState>
        ) : (
          <ul className={styles.list}>
            {gaps.closed.map((gap) => (
              <li key={gap.id}>
                <CareGapCard gap={gap} patientId={patientId} mayAct={mayAct} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
