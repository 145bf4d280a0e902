import type { Database } from "../../db/database";
import type { AggregateSource } from "./aggregate-scope";
import { listGapCounts, type GapCount } from "./list-gap-counts";

/** The share of one measure's gaps in one period that are closed. */
export interface GapClosureRate extends GapCount {
  /** closed / (open + closed), from 0 to 1; null when the measure has no gap in the period. */
  rate: number | null;
}

/** Computes each measure's gap closure rate per measurement period over the scope. */
export async function getGapClosureRates(db: Database, source: AggregateSource): Promise<GapClosureRate[]> {
  const counts = await listGapCounts(db, source);
  return counts.map((count) => {
    const total = count.open + count.closed;
    return { ...count, rate: total === 0 ? null : count.closed / total };
  });
}
