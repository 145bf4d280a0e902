import type { CareGapView, MemberCareGaps } from "@/lib/care-gaps/care-gap-view";

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
      <GapSection id="open-gaps-heading" heading={careGapsStrings.openHeading} empty={careGapsStrings.noOpenGaps} gaps={gaps.open} patientId={patientId} mayAct={mayAct} />
      <GapSection id="closed-gaps-heading" heading={careGapsStrings.closedHeading} empty={careGapsStrings.noClosedGaps} gaps={gaps.closed} patientId={patientId} mayAct={mayAct} />
    </>
  );
}

interface GapSectionProps {
  id: string;
  heading: string;
  empty: string;
  gaps: readonly CareGapView[];
  patientId: string;
  mayAct: boolean;
}

function GapSection({ id, heading, empty, gaps, patientId, mayAct }: GapSectionProps): React.ReactElement {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {gaps.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className={styles.list}>
          {gaps.map((gap) => (
            <li key={gap.id}>
              <CareGapCard gap={gap} patientId={patientId} mayAct={mayAct} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
