import type { SqlClient } from "@/lib/db/sql-client";

import type { MeasureEvaluator, MeasurementPeriod } from "../measure-evaluator";

/** Joins the evaluated measures into one comparable string: "id|version" of each, sorted, joined by commas. */
export function measureSetOf(evaluators: readonly MeasureEvaluator[]): string {
  return evaluators
    .map((evaluator) => `${evaluator.measure.id ?? ""}|${evaluator.measure.version ?? ""}`)
    .sort()
    .join(",");
}

/** Records that the patients were evaluated for the period with data read at `evaluatedThrough`. */
export async function saveWatermarks(
  sql: SqlClient,
  patientIds: readonly string[],
  period: MeasurementPeriod,
  evaluatedThrough: Date,
  measureSet: string,
): Promise<void> {
  if (patientIds.length === 0) return;
  await sql.execute(
    `INSERT INTO care_gap_watermark (patient_id, period_start, period_end, evaluated_through, measure_set)
     SELECT patient_id, $2::date, $3::date, $4::timestamptz, $5 FROM unnest($1::text[]) AS ids (patient_id)
     ON CONFLICT (patient_id, period_start, period_end)
     DO UPDATE SET evaluated_through = EXCLUDED.evaluated_through, measure_set = EXCLUDED.measure_set`,
    [patientIds, period.start, period.end, evaluatedThrough.toISOString(), measureSet],
  );
}

/**
 * Moves the watermarks of the period's patients up to `checkedThrough`, except for `failed`
 * patients and those evaluated with another measure set. Call it after a recompute that found
 * stale patients as of `checkedThrough` and evaluated them: every other patient had no change up
 * to then. It keeps the oldest watermark recent, so the next search for changed resources scans
 * only the writes since the last recompute.
 */
export async function advanceWatermarks(
  sql: SqlClient,
  period: MeasurementPeriod,
  checkedThrough: Date,
  measureSet: string,
  failed: readonly string[],
): Promise<void> {
  await sql.execute(
    `UPDATE care_gap_watermark SET evaluated_through = $3::timestamptz
     WHERE period_start = $1::date AND period_end = $2::date AND evaluated_through < $3::timestamptz
       AND measure_set = $4 AND NOT (patient_id = ANY($5::text[]))`,
    [period.start, period.end, checkedThrough.toISOString(), measureSet, failed],
  );
}
