import type { RecordViewer } from "@/lib/dependents/list-record-viewers";

import styles from "./record-sharing.module.css";
import { shareRecord, stopSharingRecord } from "./sharing-actions";
import { profileStrings } from "./strings";

/** Renders, per subscriber on the dependent's coverage, whether that subscriber may view the record, with a button to change it. */
export function RecordSharing({ viewers }: { viewers: readonly RecordViewer[] }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">{profileStrings.sharingHeading}</h2>
      <p>{profileStrings.sharingIntro}</p>
      <ul className={styles.list} aria-live="polite">
        {viewers.map((viewer) => {
          const name = viewer.name ?? profileStrings.someone;
          return (
            <li key={viewer.patientId} className={styles.item}>
              <span>{viewer.granted ? profileStrings.sharedWith(name) : profileStrings.notSharedWith(name)}</span>
              <form action={viewer.granted ? stopSharingRecord : shareRecord}>
                <input type="hidden" name="viewerId" value={viewer.patientId} />
                <button type="submit" className="button">
                  {viewer.granted ? profileStrings.stopSharing(name) : profileStrings.share(name)}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
