import type { DetectedIssue, MeasureReport } from "fhir/r4";

import type { Database } from "@/lib/db/database";
import type { SqlClient } from "@/lib/db/sql-client";
import { FhirError } from "@/lib/fhir/fhir-error";
import type { ResourceWrite, WriteOutcomeKind } from "@/lib/fhir/store/resource-write";
import { writeResources } from "@/lib/fhir/store/write-resources";
import { logger } from "@/lib/log/logger";
import { toErrorFields } from "@/lib/log/to-error-fields";

import { listMeasureEvaluators } from "../list-measure-evaluators";
import { toMeasurementWindow } from "../logic/measurement-window";
import type { MeasureEvaluator, MeasurementPeriod } from "../measure-evaluator";
import { careGapIssueId } from "./care-gap-ids";
import { measureSetOf, saveWatermarks } from "./care-gap-watermark";
import { loadCurrentResources } from "./load-current-resources";
import { loadPatientData } from "./load-patient-data";
import { calendarYearPeriod } from "./measurement-period-of";
import { toCareGapResources } from "./to-care-gap-resources";

export interface EvaluateOptions {
  /** Defaults to the calendar year of `now`. */
  period?: MeasurementPeriod;
  /** Defaults to listMeasureEvaluators(). */
  evaluators?: readonly MeasureEvaluator[];
  now?: () => Date;
  /**
   * Whether to record the patients' watermarks (default true). An evaluation of only some
   * measures passes false, so the next incremental run still evaluates the rest.
   */
  recordWatermark?: boolean;
}

/** Counts of one batch: patients evaluated, and store writes by outcome. */
export interface EvaluationSummary {
  patients: number;
  failedPatients: number;
  /** Patients a measure failed for; their watermarks were left unchanged. */
  failedPatientIds: string[];
  writes: Record<WriteOutcomeKind, number>;
  /** Every evaluated report, stored or not (a patient outside the initial population stores none). */
  reports: Map<string, MeasureReport[]>;
}

/**
 * Evaluates every measure for one patient and returns the evaluated reports, one per measure. It
 * stores the results as the care-gap contract fixes: MeasureReport and DetectedIssue, versioned
 * through the FHIR store, so an unchanged outcome writes no version. Throws not-found for an id
 * that names no stored Patient.
 */
export async function evaluatePatientMeasures(db: Database, patientId: string, period?: MeasurementPeriod, options: Omit<EvaluateOptions, "period"> = {}): Promise<MeasureReport[]> {
  const summary = await evaluatePatientsMeasures(db, [patientId], { ...options, period });
  const reports = summary.reports.get(patientId);
  if (!reports) {
    throw new FhirError("not-found", `Patient/${patientId} is not stored; check the subject's id.`);
  }
  return reports;
}

/**
 * Evaluates and stores care gaps for a batch of patients in one transaction, then records their
 * watermarks. A measure that throws for a patient is logged and leaves that patient's watermark
 * where it was, so the next incremental run tries again.
 */
export async function evaluatePatientsMeasures(db: Database, patientIds: readonly string[], options: EvaluateOptions = {}): Promise<EvaluationSummary> {
  const now = options.now ?? (() => new Date());
  // NOTE: a write whose transaction took its timestamp before this instant but committed after
  // the data was loaded below is missed until the patient's next change or a full run.
  const evaluatedThrough = now();
  const period = options.period ?? calendarYearPeriod(evaluatedThrough);
  toMeasurementWindow(period);
  const evaluators = options.evaluators ?? (await listMeasureEvaluators());

  const data = await loadPatientData(db.sql, patientIds);
  const storedIssues = await loadStoredIssues(db.sql, [...data.keys()], evaluators, period);

  const writes: ResourceWrite[] = [];
  const reports = new Map<string, MeasureReport[]>();
  const succeeded: string[] = [];
  for (const [patientId, bundle] of data) {
    const patientWrites: ResourceWrite[] = [];
    const patientReports: MeasureReport[] = [];
    let failed = false;
    for (const evaluator of evaluators) {
      try {
        const evaluated = await evaluator.evaluate(bundle, period);
        const issueId = careGapIssueId(evaluator.measure.id ?? "", patientId, Number(period.start.slice(0, 4)));
        const resources = toCareGapResources(evaluator, evaluated, { patientId, period, storedIssue: storedIssues.get(issueId), now: evaluatedThrough });
        patientWrites.push(...toWrites(resources));
        patientReports.push(resources.report ?? evaluated);
      } catch (error) {
        failed = true;
        logger.error({ measureId: evaluator.measure.id, ...toErrorFields(error) }, "measure evaluation failed");
      }
    }
    writes.push(...patientWrites);
    reports.set(patientId, patientReports);
    if (!failed) succeeded.push(patientId);
  }

  const outcomes = await db.transaction(async (sql) => {
    const written = await writeResources(sql, writes, now());
    if (options.recordWatermark !== false) await saveWatermarks(sql, succeeded, period, evaluatedThrough, measureSetOf(evaluators));
    return written;
  });
  const failedPatientIds = [...data.keys()].filter((patientId) => !succeeded.includes(patientId));
  return { patients: data.size, failedPatients: failedPatientIds.length, failedPatientIds, writes: countOutcomes(outcomes.map((outcome) => outcome.kind)), reports };
}

function toWrites(resources: ReturnType<typeof toCareGapResources>): ResourceWrite[] {
  const writes: ResourceWrite[] = [];
  if (resources.report) writes.push({ kind: "put", resource: resources.report });
  if (resources.issue) writes.push({ kind: "put", resource: resources.issue });
  if (resources.removeReportId) writes.push({ kind: "delete", resourceType: "MeasureReport", id: resources.removeReportId });
  if (resources.removeIssueId) writes.push({ kind: "delete", resourceType: "DetectedIssue", id: resources.removeIssueId });
  return writes;
}

async function loadStoredIssues(sql: SqlClient, patientIds: readonly string[], evaluators: readonly MeasureEvaluator[], period: MeasurementPeriod): Promise<Map<string, DetectedIssue>> {
  const year = Number(period.start.slice(0, 4));
  const ids = patientIds.flatMap((patientId) => evaluators.map((evaluator) => careGapIssueId(evaluator.measure.id ?? "", patientId, year)));
  return loadCurrentResources(sql, "DetectedIssue", ids);
}

function countOutcomes(kinds: readonly WriteOutcomeKind[]): Record<WriteOutcomeKind, number> {
  const counts: Record<WriteOutcomeKind, number> = { created: 0, updated: 0, unchanged: 0, deleted: 0, absent: 0 };
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}
