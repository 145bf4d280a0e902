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
