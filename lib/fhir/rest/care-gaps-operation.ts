import { createHash } from "node:crypto";

import type { Bundle, Composition, DetectedIssue, MeasureReport, Parameters, Patient } from "fhir/r4";

import { listMeasureEvaluators } from "../../measures/list-measure-evaluators";
import type { MeasurementPeriod } from "../../measures/measure-evaluator";
import type { GapStatus } from "../../measures/pipeline/care-gap-codes";
import { loadCareGapIssues, measureIdOf, patientIdOf, reportIdOf } from "../../measures/pipeline/load-care-gap-issues";
import { loadCurrentResources } from "../../measures/pipeline/load-current-resources";
import { gapStatusOf } from "../../measures/pipeline/to-care-gap-resources";
import { FhirError } from "../fhir-error";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { isCalendarYear, readMeasurementPeriod } from "./read-measurement-period";
import { readOperationParameters, singleParameter } from "./read-operation-parameters";
import { resolveMeasureSubjects } from "./resolve-measure-subjects";

const operation = "Measure/$care-gaps";
const parameterNames = ["periodStart", "periodEnd", "subject", "status", "measureId", "measureUrl"];

/**
 * GET or POST Measure/$care-gaps (Da Vinci DEQM): the stored care gaps of the subject's patients
 * for one calendar-year period, as Parameters with one document Bundle per patient that has a
 * matching gap (Composition, Patient, DetectedIssue, MeasureReport). `status` (open-gap,
 * closed-gap; both when absent) and `measureId`/`measureUrl` filter the gaps. It reads stored
 * results and evaluates nothing; a patient outside the caller's scope gets the same not-found as
 * an absent one.
 */
export async function careGapsOperation(request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const parameters = readOperationParameters(request, operation, parameterNames);
  const period = readMeasurementPeriod(parameters, operation);
  if (!isCalendarYear(period)) {
    throw new FhirError("invalid", `Care gaps are stored per calendar year, and ${period.start} to ${period.end} is not one; give periodStart ${period.start.slice(0, 4)}-01-01 and periodEnd ${period.start.slice(0, 4)}-12-31.`);
  }
  const statuses = readStatuses(parameters.get("status") ?? []);
  const measureIds = await readMeasureFilter(parameters.get("measureId") ?? [], parameters.get("measureUrl") ?? []);
  const patientIds = await resolveMeasureSubjects(singleParameter(parameters, operation, "subject"), operation, context);

  const now = context.now?.() ?? new Date();
  const issues = (await loadCareGapIssues(context.db.sql, patientIds)).filter(
    (issue) => statuses.includes(gapStatusOf(issue) ?? "open-gap") && (measureIds === undefined || measureIds.has(measureIdOf(issue))),
  );
  const reports = await loadCurrentResources(context.db.sql, "MeasureReport", issues.map(reportIdOf));
  const inPeriod = issues.filter((issue) => isInPeriod(reports.get(reportIdOf(issue)), period));
  const patients = await loadCurrentResources(context.db.sql, "Patient", [...new Set(inPeriod.map(patientIdOf))]);

  const returned = [...patients.values()].sort((left, right) => (left.id ?? "").localeCompare(right.id ?? ""));
  const body: Parameters = {
    resourceType: "Parameters",
    parameter: returned.map((patient) => ({ name: "return", resource: toGapsBundle(patient, inPeriod.filter((issue) => patientIdOf(issue) === patient.id), reports, period, now, context.baseUrl) })),
  };
  // The audit record cannot find patients inside Parameters, so the operation names them.
  return { status: 200, headers: {}, body, auditPatientIds: returned.flatMap((patient) => patient.id ?? []) };
}

function readStatuses(values: readonly string[]): GapStatus[] {
  if (values.length === 0) return ["open-gap", "closed-gap"];
  const statuses = values.flatMap((value) => value.split(","));
  for (const status of statuses) {
    if (status !== "open-gap" && status !== "closed-gap") {
      throw new FhirError("invalid", `status "${status}" is not a gap status; give open-gap or closed-gap.`);
    }
  }
  return statuses as GapStatus[];
}

/** Maps measureId and measureUrl values to the ids of known measures, or undefined for no filter. */
async function readMeasureFilter(ids: readonly string[], urls: readonly string[]): Promise<Set<string> | undefined> {
  if (ids.length === 0 && urls.length === 0) return undefined;
  const measures = (await listMeasureEvaluators()).map((evaluator) => evaluator.measure);

  const selected = new Set<string>();
  for (const id of ids) {
    if (!measures.some((measure) => measure.id === id)) {
      throw new FhirError("invalid", `measureId "${id}" is not a measure this server evaluates; known ids are ${measures.map((measure) => measure.id).join(", ")}.`);
    }
    selected.add(id);
  }
  for (const url of urls) {
    const measure = measures.find((candidate) => candidate.url === url.split("|")[0]);
    if (!measure?.id) {
      throw new FhirError("invalid", `measureUrl "${url}" is not the canonical URL of a measure this server evaluates, such as ${measures[0]?.url ?? ""}.`);
    }
    selected.add(measure.id);
  }
  return selected;
}

function isInPeriod(report: MeasureReport | undefined, period: MeasurementPeriod): boolean {
  return report?.period.start === period.start && report.period.end === period.end;
}

/**
 * Builds a DEQM gaps-in-care document. The Composition comes first, with one section per gap
 * whose focus is the MeasureReport and whose entry is the DetectedIssue. The Patient, issues and
 * reports follow.
 */
function toGapsBundle(patient: Patient, issues: readonly DetectedIssue[], reports: ReadonlyMap<string, MeasureReport>, period: MeasurementPeriod, now: Date, baseUrl: string): Bundle {
  const patientReference = `Patient/${patient.id ?? ""}`;
  const gapReports = issues.flatMap((issue) => reports.get(reportIdOf(issue)) ?? []);
  const composition: Composition = {
    resourceType: "Composition",
    id: `care-gaps-${digest(`${patientReference}|${period.start}|${period.end}|${issues.map((issue) => `${issue.id ?? ""}@${issue.meta?.versionId ?? ""}`).join(",")}`)}`,
    status: "final",
    type: { coding: [{ system: "http://loinc.org", code: "96315-7", display: "Gaps in care report" }] },
    subject: { reference: patientReference },
    date: now.toISOString(),
    author: [{ display: "Lakeview care-gap pipeline" }],
    title: "Care Gap Report",
    section: issues.map((issue) => ({
      title: issue.implicated?.[0]?.display ?? measureIdOf(issue),
      focus: { reference: `MeasureReport/${reportIdOf(issue)}` },
      entry: [{ reference: `DetectedIssue/${issue.id ?? ""}` }],
    })),
  };
  const resources = [composition, patient, ...issues, ...gapReports];
  return {
    resourceType: "Bundle",
    identifier: { system: "urn:ietf:rfc:3986", value: `urn:uuid:${uuidFrom(composition.id ?? "")}` },
    type: "document",
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ""}`, resource })),
  };
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

function uuidFrom(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
