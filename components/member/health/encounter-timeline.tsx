import { Badge } from "@/components/ui/badge";
import type { EncounterView } from "@/lib/health-record/to-encounter-view";

import { EmptyState } from "./empty-state";
import { formatOptionalDate } from "./format-optional-date";
import { groupByYear } from "./group-by-year";
import styles from "./health.module.css";
import { healthStrings } from "./strings";

const strings = healthStrings.encounters;

/** Renders visits as a timeline, newest first, under one heading per year. */
export function EncounterTimeline({ encounters }: { encounters: EncounterView[] }): React.ReactElement {
  if (encounters.length === 0) {
    return <EmptyState>{strings.empty}</EmptyState>;
  }

  return (
    <>
      <p className="note">{strings.caption}</p>
      {groupByYear(encounters, (encounter) => encounter.start).map((group) => (
        <section key={group.year ?? "undated"} aria-labelledby={`visits-${group.year ?? "undated"}`}>
          <h2 id={`visits-${group.year ?? "undated"}`} className={styles.yearHeading}>
            {group.year === null ? healthStrings.undatedHeading : healthStrings.yearHeading(group.year)}
          </h2>
          <ol className={styles.timeline}>
            {group.items.map((encounter) => (
              <EncounterItem key={encounter.id} encounter={encounter} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function EncounterItem({ encounter }: { encounter: EncounterView }): React.ReactElement {
  const setting = (encounter.classCode ? strings.classes[encounter.classCode] : undefined) ?? encounter.classDisplay;
  const title = encounter.type ?? setting ?? strings.unknownType;
  const showSetting = setting !== null && setting !== title;

  return (
    <li className={styles.timelineItem}>
      <span className={styles.timelineDate}>{formatOptionalDate(encounter.start)}</span>
      <span className={styles.timelineTitle}>
        {title}
        {encounter.planned && <Badge>{strings.planned}</Badge>}
      </span>
      {(showSetting || encounter.reason || encounter.place) && (
        <dl className={styles.details}>
        {showSetting && (
          <>
            <dt>{strings.setting}</dt>
            <dd>{setting}</dd>
          </>
        )}
        {encounter.reason && (
          <>
            <dt>{strings.reason}</dt>
            <dd>{encounter.reason}</dd>
          </>
        )}
        {encounter.place && (
          <>
            <dt>{strings.place}</dt>
            <dd>{encounter.place}</dd>
          </>
        )}
      </dl>
      )}
    </li>
  );
}
