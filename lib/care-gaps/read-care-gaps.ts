import type { DetectedIssue, FhirResource, MeasureReport } from "fhir/r4";

import type { Database } from "../db/database";
import { toReferenceTarget } from "../claims/reference-target";
import type { AccessScope } from "../fhir/search/access-scope";
import { MAX_PAGE_SIZE, MAX_SEARCH_VALUES } from "../fhir/search/parse-search-request";
import type { SearchFilter, SearchRequest } from "../fhir/search/search-request";
import { searchResources } from "../fhir/search/search-resources";
import { logger } from "../log/logger";
import type { CareGap } from "./care-gap";
import { careGapCode, gapStatusExtensionUrl, gapStatusSystem } from "./care-gap-codes";

/**
 * Lists the care gaps of the given patients from the DetectedIssue resources the measure
 * pipeline stores (code CAREGAP), with the measurement period of the MeasureReport each one cites.
 * Every search runs with a scope of exactly these patients, so nothing else can be returned.
 *
 * TODO: replace with `listCareGaps` from list-care-gaps.ts once the measures branch lands; the
 * signature and the CareGap shape are the same.
 */
export async function readCareGaps(db: Database, patientIds: readonly string[], options: { status?: "open" | "closed" } = {}): Promise<CareGap[]> {
  const gaps: CareGap[] = [];
  for (let start = 0; start < patientIds.length; start += MAX_SEARCH_VALUES) {
    const chunk = patientIds.slice(start, start + MAX_SEARCH_VALUES);
    gaps.push(...(await readChunk(db, chunk)));
  }
  return options.status === undefined ? gaps : gaps.filter((gap) => gap.status === options.status);
}

async function readChunk(db: Database, patientIds: readonly string[]): Promise<CareGap[]> {
  const scope: AccessScope = { kind: "patients", patientIds };
  const issues = await searchAll<DetectedIssue>(db, scope, "DetectedIssue", [
    { kind: "reference", param: "patient", values: patientIds.map((id) => ({ targetType: "Patient", targetId: id })) },
    { kind: "token", param: "code", negate: false, values: [{ system: careGapCode.system, code: careGapCode.code }] },
  ]);
  const reportIds = [...new Set(issues.map((issue) => measureReportIdOf(issue)).filter((id) => id !== null))];
  const reports = reportIds.length === 0 ? [] : await searchAll<MeasureReport>(db, scope, "MeasureReport", [{ kind: "id", values: reportIds }]);
  const reportsById = new Map(reports.map((report) => [report.id, report]));

  const gaps: CareGap[] = [];
  for (const issue of issues) {
    const gap = toCareGap(issue, reportsById);
    if (gap) {
      gaps.push(gap);
    } else {
      logger.warn({ detectedIssueId: issue.id }, "care gap DetectedIssue lacks its patient, measure or MeasureReport period; leaving it out");
    }
  }
  return gaps;
}

/** Runs one search to its last page. */
async function searchAll<T extends FhirResource>(db: Database, scope: AccessScope, resourceType: T["resourceType"], filters: SearchFilter[]): Promise<T[]> {
  const resources: T[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
    const request: SearchRequest = {
      resourceType,
      filters,
      sort: [{ code: "_id", descending: false }],
      count: MAX_PAGE_SIZE,
      offset,
      total: "none",
      summary: "false",
      includes: [],
      revincludes: [],
      appliedParameters: [],
    };
    const page = await searchResources(db.sql, request, scope);
    for (const match of page.matches) {
      if (match.resource.resourceType === resourceType) resources.push(match.resource as T);
    }
    if (!page.hasNext) return resources;
  }
}

function measureReportIdOf(issue: DetectedIssue): string | null {
  const target = toReferenceTarget(issue.evidence?.[0]?.detail?.[0]);
  return target?.resourceType === "MeasureReport" ? target.id : null;
}

function toCareGap(issue: DetectedIssue, reportsById: ReadonlyMap<string | undefined, MeasureReport>): CareGap | null {
  const patient = toReferenceTarget(issue.patient);
  const measure = toReferenceTarget(issue.implicated?.[0]);
  const report = reportsById.get(measureReportIdOf(issue) ?? undefined);
  const periodStart = report?.period.start;
  const periodEnd = report?.period.end;
  if (!issue.id || patient?.resourceType !== "Patient" || measure?.resourceType !== "Measure" || !periodStart || !periodEnd) {
    return null;
  }

  return {
    id: issue.id,
    patientId: patient.id,
    measureId: measure.id,
    measureTitle: issue.implicated?.[0]?.display ?? measure.id,
    status: gapStatusOf(issue),
    periodStart: periodStart.slice(0, 10),
    periodEnd: periodEnd.slice(0, 10),
    identified: issue.identifiedDateTime ?? "",
  };
}

/**
 * Reads open or closed from the DEQM gapStatus modifier extension, and from the DetectedIssue
 * status when the extension is missing: "preliminary" while open, "final" once closed.
 */
function gapStatusOf(issue: DetectedIssue): "open" | "closed" {
  const extension = issue.modifierExtension?.find((candidate) => candidate.url === gapStatusExtensionUrl);
  const code = extension?.valueCodeableConcept?.coding?.find((coding) => coding.system === gapStatusSystem)?.code;
  if (code === "open-gap") return "open";
  if (code === "closed-gap") return "closed";
  return issue.status === "final" ? "closed" : "open";
}
