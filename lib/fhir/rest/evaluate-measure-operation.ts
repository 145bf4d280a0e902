import type { MeasureReport } from "fhir/r4";

import { listMeasureEvaluators } from "../../measures/list-measure-evaluators";
import type { MeasureEvaluator, MeasurementPeriod } from "../../measures/measure-evaluator";
import { evaluatePatientsMeasures } from "../../measures/pipeline/evaluate-patient-measures";
import { loadPatientData } from "../../measures/pipeline/load-patient-data";
import { FhirError } from "../fhir-error";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { isCalendarYear, readMeasurementPeriod } from "./read-measurement-period";
import { readOperationParameters, singleParameter } from "./read-operation-parameters";
import { resolveMeasureSubjects } from "./resolve-measure-subjects";

const parameterNames = ["periodStart", "periodEnd", "subject", "reportType"];

/**
 * GET or POST Measure/[id]/$evaluate-measure: evaluates one measure for one patient now and
 * returns the individual MeasureReport. For a calendar-year period the result is also stored as
 * the patient's care gap, exactly as the pipeline stores it. Other periods are evaluated without
 * storing, because stored results are kept per calendar year. A patient outside the caller's
 * scope gets the same not-found as an absent one.
 */
export async function evaluateMeasureOperation(measureId: string, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const operation = `Measure/${measureId}/$evaluate-measure`;
  const parameters = readOperationParameters(request, operation, parameterNames);
  const period = readMeasurementPeriod(parameters, operation);
  const reportType = singleParameter(parameters, operation, "reportType") ?? "individual";
  if (reportType !== "individual" && reportType !== "subject") {
    throw new FhirError("invalid", `reportType "${reportType}" is not supported; this server evaluates one patient at a time, so give reportType=subject or leave it out.`);
  }
  const subject = singleParameter(parameters, operation, "subject");
  if (subject === undefined || !subject.startsWith("Patient/")) {
    throw new FhirError("invalid", `${operation} needs subject=Patient/<id>; it evaluates one patient, and Measure/$care-gaps reads the stored results of a Group.`);
  }
  const evaluator = (await listMeasureEvaluators()).find((candidate) => candidate.measure.id === measureId);
  if (!evaluator) {
    throw new FhirError("not-found", `Measure/${measureId} is not a measure this server evaluates; Measure/$care-gaps with measureId lists results of the known ones.`);
  }
  const [patientId = ""] = await resolveMeasureSubjects(subject, operation, context);

  const report = isCalendarYear(period) ? await evaluateAndStore(context, patientId, evaluator, period) : await evaluateOnly(context, patientId, evaluator, period);
  return { status: 200, headers: {}, body: report };
}

async function evaluateAndStore(context: FhirContext, patientId: string, evaluator: MeasureEvaluator, period: MeasurementPeriod): Promise<MeasureReport> {
  const summary = await evaluatePatientsMeasures(context.db, [patientId], { period, evaluators: [evaluator], now: context.now, recordWatermark: false });
  const report = summary.reports.get(patientId)?.[0];
  if (!report) throw new FhirError("not-found", `Patient/${patientId} is not stored; check the subject's id.`);
  return report;
}

async function evaluateOnly(context: FhirContext, patientId: string, evaluator: MeasureEvaluator, period: MeasurementPeriod): Promise<MeasureReport> {
  const data = (await loadPatientData(context.db.sql, [patientId])).get(patientId);
  if (!data) throw new FhirError("not-found", `Patient/${patientId} is not stored; check the subject's id.`);
  return evaluator.evaluate(data, period);
}
