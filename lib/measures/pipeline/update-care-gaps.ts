import type { Database } from "@/lib/db/database";
import { ANALYZE_AFTER_WRITES, analyzeStore } from "@/lib/fhir/store/analyze-store";

import type { MeasurementPeriod } from "../measure-evaluator";
import { storeMeasures } from "../store-own-measures";
import { recomputeStaleCareGaps, type RecomputeSummary } from "./recompute-stale-care-gaps";

/**
 * Stores the Measure resources and recomputes stale care gaps (or all, with `all`), writing one
 * progress line per batch to `print`. Used by `npm start` after seeding, by the importer and by
 * `npm run care-gaps`.
 */
export async function updateCareGaps(
  db: Database,
  options: { period?: MeasurementPeriod; all?: boolean; print: (line: string) => void },
): Promise<RecomputeSummary> {
  await storeMeasures(db);
  const started = Date.now();
  const summary = await recomputeStaleCareGaps(db, {
    period: options.period,
    all: options.all,
    onProgress: (done, total) => options.print(`Care gaps: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} patients evaluated`),
  });

  // Care gaps for a whole plan write reports for every member, which the analytics refresh after
  // this reads by type.
  if (summary.created + summary.updated + summary.deleted >= ANALYZE_AFTER_WRITES) await analyzeStore(db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  options.print(
    `Care gaps for ${summary.period.start} to ${summary.period.end}: ${summary.patients} patients in ${seconds} s; ${summary.created} results created, ${summary.updated} updated, ${summary.deleted} removed, ${summary.unchanged} unchanged.`,
  );
  if (summary.failedPatients > 0) {
    options.print(`Care gaps: ${summary.failedPatients} patients had a measure fail; the log has the errors, and the next run retries them.`);
  }
  return summary;
}
