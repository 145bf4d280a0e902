import type { SqlClient } from "@/lib/db/sql-client";

import type { MeasurementPeriod } from "../measure-evaluator";
import { measureInputTypes } from "./measure-input-types";

/**
 * Lists, sorted, the patients whose care gaps for the period are stale: never evaluated,
 * evaluated with another measure set, or with a measure input in their compartment written
 * (created, updated or deleted) after their watermark. Changed resources are found through the
 * index on resource.last_updated from the oldest watermark on, so that step's cost follows the
 * number of changes. Finding never-evaluated patients reads every Patient row once.
 */
export async function findStalePatients(sql: SqlClient, period: MeasurementPeriod, measureSet: string): Promise<string[]> {
  const [neverEvaluated, otherMeasureSet, changed] = await Promise.all([
    listNeverEvaluated(sql, period),
    listEvaluatedWithOtherMeasures(sql, period, measureSet),
    listChangedSinceWatermark(sql, period),
  ]);
  return [...new Set([...neverEvaluated, ...otherMeasureSet, ...changed])].sort();
}

/**
 * Lists Patients without a watermark for the period. Two index scans compared in memory, because
 * PostgreSQL planned the NOT EXISTS form as a nested loop on tables without statistics.
 */
async function listNeverEvaluated(sql: SqlClient, period: MeasurementPeriod): Promise<string[]> {
  const patients = await sql.query<{ id: string }>("SELECT id FROM resource WHERE resource_type = 'Patient' AND NOT deleted");
  const evaluated = await sql.query<{ patient_id: string }>(
    "SELECT patient_id FROM care_gap_watermark WHERE period_start = $1::date AND period_end = $2::date",
    [period.start, period.end],
  );
  const known = new Set(evaluated.map((row) => row.patient_id));
  return patients.map((row) => row.id).filter((id) => !known.has(id));
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
 * is read from the subject or patient reference of the version before the deletion. The steps
 * are separate key lookups on purpose: as one joined query, PostgreSQL chose nested loops over
 * every watermark on freshly loaded tables without statistics and took over a minute for 1,500
 * patients.
 */
async function listChangedSinceWatermark(sql: SqlClient, period: MeasurementPeriod): Promise<string[]> {
  const [oldest] = await sql.query<{ at: Date | null }>(
    "SELECT min(evaluated_through) AS at FROM care_gap_watermark WHERE period_start = $1::date AND period_end = $2::date",
    [period.start, period.end],
  );
  if (!oldest?.at) return [];

  const changed = await sql.query<ChangedRow>(
    "SELECT resource_type, id, version_id, deleted, last_updated FROM resource WHERE last_updated > $1::timestamptz AND resource_type = ANY($2::text[])",
    [new Date(oldest.at).toISOString(), measureInputTypes],
  );
  if (changed.length === 0) return [];

  const touched = [...(await listCurrentPatients(sql, changed.filter((row) => !row.deleted))), ...(await listDeletedPatients(sql, changed.filter((row) => row.deleted)))];
  const watermarks = await sql.query<{ patient_id: string; evaluated_through: Date }>(
    "SELECT patient_id, evaluated_through FROM care_gap_watermark WHERE patient_id = ANY($1::text[]) AND period_start = $2::date AND period_end = $3::date",
    [[...new Set(touched.map((entry) => entry.patientId))], period.start, period.end],
  );
  const evaluatedThrough = new Map(watermarks.map((row) => [row.patient_id, new Date(row.evaluated_through).getTime()]));
  return touched.filter((entry) => entry.changedAt > (evaluatedThrough.get(entry.patientId) ?? Infinity)).map((entry) => entry.patientId);
}

interface ChangedRow {
  resource_type: string;
  id: string;
  version_id: number;
  deleted: boolean;
  last_updated: Date;
}

interface TouchedPatient {
  patientId: string;
  changedAt: number;
}

async function listCurrentPatients(sql: SqlClient, rows: readonly ChangedRow[]): Promise<TouchedPatient[]> {
  if (rows.length === 0) return [];
  const compartments = await sql.query<{ compartment_id: string; resource_type: string; resource_id: string }>(
    `SELECT c.compartment_id, c.resource_type, c.resource_id FROM unnest($1::text[], $2::text[]) AS k (resource_type, resource_id)
     JOIN resource_compartment c ON c.resource_type = k.resource_type AND c.resource_id = k.resource_id AND c.compartment_type = 'Patient'`,
    [rows.map((row) => row.resource_type), rows.map((row) => row.id)],
  );
  const changedAt = new Map(rows.map((row) => [`${row.resource_type}/${row.id}`, new Date(row.last_updated).getTime()]));
  return compartments.map((row) => ({ patientId: row.compartment_id, changedAt: changedAt.get(`${row.resource_type}/${row.resource_id}`) ?? 0 }));
}

async function listDeletedPatients(sql: SqlClient, rows: readonly ChangedRow[]): Promise<TouchedPatient[]> {
  if (rows.length === 0) return [];
  const previous = await sql.query<{ resource_type: string; id: string; patient_id: string | null }>(
    `SELECT v.resource_type, v.id,
       substring(coalesce(v.content->'subject'->>'reference', v.content->'patient'->>'reference') FROM '^Patient/(.+)$') AS patient_id
     FROM unnest($1::text[], $2::text[], $3::int[]) AS k (resource_type, id, version_id)
     JOIN resource_version v ON v.resource_type = k.resource_type AND v.id = k.id AND v.version_id = k.version_id`,
    [rows.map((row) => row.resource_type), rows.map((row) => row.id), rows.map((row) => row.version_id - 1)],
  );
  const changedAt = new Map(rows.map((row) => [`${row.resource_type}/${row.id}`, new Date(row.last_updated).getTime()]));
  return previous.flatMap((row) => (row.patient_id ? [{ patientId: row.patient_id, changedAt: changedAt.get(`${row.resource_type}/${row.id}`) ?? 0 }] : []));
}
