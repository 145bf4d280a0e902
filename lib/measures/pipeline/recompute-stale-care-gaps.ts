import type { Database } from "@/lib/db/database";
import { logger } from "@/lib/log/logger";

import { listMeasureEvaluators } from "../list-measure-evaluators";
import type { MeasurementPeriod } from "../measure-evaluator";
import { advanceWatermarks, measureSetOf } from "./care-gap-watermark";
import { evaluatePatientsMeasures, type EvaluateOptions } from "./evaluate-patient-measures";
import { findStalePatients } from "./find-stale-patients";
import { calendarYearPeriod } from "./measurement-period-of";

/** Patients per transaction; each batch loads, evaluates and writes together. */
const defaultBatchSize = 200;

export interface RecomputeOptions extends EvaluateOptions {
  batchSize?: number;
  /** Called after each batch with the patients done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Evaluates every stored Patient, stale or not (a full run). */
  all?: boolean;
}

export interface RecomputeSummary {
  period: MeasurementPeriod;
  patients: number;
  failedPatients: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/**
 * Re-evaluates the care gaps of every patient whose measure inputs changed since their last
 * evaluation (see findStalePatients), or of every patient with `all`. Safe to run again at any
 * time: an unchanged outcome writes nothing, and a stopped run resumes where its watermarks end.
 */
export async function recomputeStaleCareGaps(db: Database, options: RecomputeOptions = {}): Promise<RecomputeSummary> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const period = options.period ?? calendarYearPeriod(now());
  const evaluators = options.evaluators ?? (await listMeasureEvaluators());
  const measureSet = measureSetOf(evaluators);
  const checkedThrough = now();
  const patientIds = options.all ? await listAllPatients(db) : await findStalePatients(db.sql, period, measureSet);

  const summary: RecomputeSummary = { period, patients: 0, failedPatients: 0, created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const batchSize = options.batchSize ?? defaultBatchSize;
  const failed: string[] = [];
  for (let start = 0; start < patientIds.length; start += batchSize) {
    const batch = await evaluatePatientsMeasures(db, patientIds.slice(start, start + batchSize), { period, evaluators, now });
    summary.patients += batch.patients;
    summary.failedPatients += batch.failedPatients;
    failed.push(...batch.failedPatientIds);
    summary.created += batch.writes.created;
    summary.updated += batch.writes.updated;
    summary.unchanged += batch.writes.unchanged;
    summary.deleted += batch.writes.deleted;
    options.onProgress?.(Math.min(start + batchSize, patientIds.length), patientIds.length);
  }

  await advanceWatermarks(db.sql, period, checkedThrough, measureSet, failed);

  logger.info({ patients: summary.patients, failedPatients: summary.failedPatients, created: summary.created, updated: summary.updated, durationMs: Date.now() - started }, "care gaps recomputed");
  return summary;
}

async function listAllPatients(db: Database): Promise<string[]> {
  const rows = await db.sql.query<{ id: string }>("SELECT id FROM resource WHERE resource_type = 'Patient' AND NOT deleted ORDER BY id");
  return rows.map((row) => row.id);
}
