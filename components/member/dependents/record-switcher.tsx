import Link from "next/link";

import { viewOwnRecord } from "./actions";
import styles from "./record-switcher.module.css";
import { dependentsStrings } from "./strings";

/** Renders the bar above member pages that names whose record they show, with the way back to one's own. */
export function RecordSwitcher({ viewingName, hasDependents }: { viewingName: string | null; hasDependents: boolean }): React.ReactElement | null {
  if (viewingName === null && !hasDependents) {
    return null;
  }

  return (
    <section aria-label={dependentsStrings.switcherLabel} className={viewingName === null ? styles.bar : `${styles.bar} ${styles.dependent}`}>
      <p className={styles.viewing}>{viewingName === null ? dependentsStrings.viewingSelf : dependentsStrings.viewing(viewingName)}</p>
      <div className={styles.actions}>
        <Link href="/member/dependents" className={styles.link}>
          {dependentsStrings.switchRecord}
        </Link>
        {viewingName !== null && (
          <form action={viewOwnRecord}>
            <button type="submit" className="button">
              {dependentsStrings.backToOwn}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
