import type { Database } from "../db/database";
import { withinTransaction } from "../fhir/rest/within-transaction";
import { FhirStore } from "../fhir/store/fhir-store";
import type { CareGap } from "./list-care-gaps";
import { listGapTasks, type GapTasks } from "./list-gap-tasks";
import { listCareGaps } from "./list-care-gaps";

/** A gap read inside the transaction that holds its lock, with its Tasks and a store on that transaction. */
export interface LockedGap {
  gap: CareGap;
  tasks: GapTasks | undefined;
  store: FhirStore;
}

/**
 * Runs `work` in one database transaction that holds an advisory lock on the gap id, so two
 * submissions for one gap (a double click, two tabs) run one after the other and the second reads
 * the Tasks the first wrote. The gap is looked up among `patientId`'s gaps only: a gap id of any other
 * record gives `work` null, exactly like an id that does not exist.
 */
export async function withLockedGap<T>(db: Database, patientId: string, gapId: string, now: Date, work: (locked: LockedGap | null) => Promise<T>): Promise<T> {
  return db.transaction(async (sql) => {
    await sql.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`care-gap:${gapId}`]);

    const inTransaction = withinTransaction(db, sql);
    const gap = (await listCareGaps(inTransaction, [patientId])).find((candidate) => candidate.id === gapId);
    if (!gap) return work(null);

    const store = new FhirStore(inTransaction, () => now);
    const tasks = await listGapTasks(store, patientId);
    return work({ gap, tasks: tasks.get(gap.id), store });
  });
}
