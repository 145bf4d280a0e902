import type { Dependent } from "@/lib/dependents/dependent-access";

import { viewDependentRecord } from "./actions";
import styles from "./dependent-list.module.css";
import { dependentsStrings } from "./strings";

/** A view model of one family member on the subscriber's coverage. */
export interface DependentItem extends Dependent {
  /** True when the member's pages show this record now. */
  current: boolean;
}

const accessLabel: Record<Dependent["access"], string> = {
  "under-13": dependentsStrings.under13,
  granted: dependentsStrings.sharedWithYou,
  private: dependentsStrings.private,
};

/** Lists the family members on the coverage: a switch button for each viewable record, a private note for the rest. */
export function DependentList({ dependents }: { dependents: readonly DependentItem[] }): React.ReactElement {
  return (
    <ul className={styles.list} aria-label={dependentsStrings.listLabel}>
      {dependents.map((dependent) => {
        const name = dependent.name ?? dependentsStrings.unnamed;
        return (
          <li key={dependent.patientId} className={styles.item}>
            <div>
              <p className={styles.name}>{name}</p>
              <p className={styles.access}>{accessLabel[dependent.access]}</p>
            </div>
            {dependent.access === "private" && <p className={styles.note}>{dependentsStrings.privateNote}</p>}
            {dependent.access !== "private" && dependent.current && <p className={styles.note}>{dependentsStrings.viewingNow}</p>}
            {dependent.access !== "private" && !dependent.current && (
              <form action={viewDependentRecord}>
                <input type="hidden" name="patientId" value={dependent.patientId} />
                <button type="submit" className="button button-primary">
                  {dependentsStrings.viewRecord(name)}
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}
