import type { SqlClient } from "@/lib/db/sql-client";

import type { MeasurementPeriod } from "../measure-evaluator";
import { measureInputTypes } from "./measure-input-types";

/**
 * Lists, sorted, the patients whose care gaps for the period are stale: never evaluated,
 * evaluated with another measure set, or with a measure input in their compartment written
 * (created, updated or deleted) after their watermark. Changed resources are found through the
 * index on resource.last_updated from the oldest watermark on, so the cost follows the number of
 * changes, not the size of the store.
 */
export async function findStalePatients(sql: SqlClient, period: MeasurementPeriod, measureSet: string): Promise<string[]> {
  const [neverEvaluated, otherMeasureSet, changed] = await Promise.all([
    listNeverEvaluated(sql, period),
    listEvaluatedWithOtherMeasures(sql, period, measureSet),
    listChangedSinceWatermark(sql, period),
  ]);
  return [...new Set([...neverEvaluated, ...otherMeasureSet, ...changed])].sort();
}

async function listNeverEvaluated(sql: SqlClient, period: MeasurementPeriod): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT r.id FROM resource r
     WHERE r.resource_type = 'Patient' AND NOT r.deleted
       AND NOT EXISTS (SELECT 1 FROM care_gap_watermark w WHERE w.patient_id = r.id AND w.period_start = $1::date AND w.period_end = $2::date)`,
    [period.start, period.end],
  );
  return rows.map((row) => row.id);
}

async function listEvaluatedWithOtherMeasures(sql: SqlClient, period: MeasurementPeriod, measureSet: string): Promise<string[]> {
  const rows = await sql.query<{ patient_id: string }>(
    "SELECT patient_id FROM care_gap_watermark WHERE period_start = $1::date AND period_end = $2::date AND measure_set <> $3",
    [period.start, period.end, measureSet],
  );
  return rows.map((row) => row.patient_id);
}

/**
 * Patients with a measure input written after their watermark. A current resource names its
 * patients in resource_compartment. A deleted one has no compartment rows left, so its patient
 * is read from the subject or patient reference of the version before the deletion.
 */
async function listChangedSinceWatermark(sql: SqlClient, period: MeasurementPeriod): Promise<string[]> {
  const rows = await sql.query<{ patient_id: string }>(
    `WITH since AS (
       SELECT min(evaluated_through) AS at FROM care_gap_watermark WHERE period_start = $1::date AND period_end = $2::date
     ), changed AS (
       SELECT r.resource_type, r.id, r.version_id, r.deleted, r.last_updated FROM resource r, since
       WHERE since.at IS NOT NULL AND r.last_updated > since.at AND r.resource_type = ANY($3::text[])
     ), touched AS (
       SELECT c.compartment_id AS patient_id, ch.last_updated FROM changed ch
       JOIN resource_compartment c ON c.resource_type = ch.resource_type AND c.resource_id = ch.id AND c.compartment_type = 'Patient'
       WHERE NOT ch.deleted
       UNION ALL
       SELECT substring(coalesce(v.content->'subject'->>'reference', v.content->'patient'->>'reference') FROM '^Patient/(.+)$'), ch.last_updated
       FROM changed ch
       JOIN resource_version v ON v.resource_type = ch.resource_type AND v.id = ch.id AND v.version_id = ch.version_id - 1
       WHERE ch.deleted
     )
     SELECT DISTINCT t.patient_id FROM touched t
     JOIN care_gap_watermark w ON w.patient_id = t.patient_id AND w.period_start = $1::date AND w.period_end = $2::date
     WHERE t.last_updated > w.evaluated_through`,
    [period.start, period.end, measureInputTypes],
  );
  return rows.map((row) => row.patient_id);
}
