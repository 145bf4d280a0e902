import type { DetectedIssue } from "fhir/r4";

import type { SqlClient } from "@/lib/db/sql-client";

import { careGapCodes } from "./care-gap-codes";
import { gapStatusOf } from "./to-care-gap-resources";

/**
 * Loads the current care-gap DetectedIssues (code CAREGAP with a DEQM gap status) whose patient
 * is one of `patientIds`, ordered by id. It reads the Patient compartment index, so it checks no
 * access: callers pass only patients the caller may see.
 */
export async function loadCareGapIssues(sql: SqlClient, patientIds: readonly string[]): Promise<DetectedIssue[]> {
  if (patientIds.length === 0) return [];

  const rows = await sql.query<{ content: DetectedIssue }>(
    `SELECT v.content FROM resource_compartment c
     JOIN resource r ON r.resource_type = c.resource_type AND r.id = c.resource_id
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE c.compartment_type = 'Patient' AND c.compartment_id = ANY($1::text[]) AND c.resource_type = 'DetectedIssue' AND NOT r.deleted
     ORDER BY r.id`,
    [patientIds],
  );
  return rows.map((row) => row.content).filter((issue) => isCareGap(issue) && patientIds.includes(patientIdOf(issue)));
}

/** Returns the id of the Patient a care gap is about. */
export function patientIdOf(issue: DetectedIssue): string {
  return issue.patient?.reference?.replace(/^Patient\//, "") ?? "";
}

/** Returns the id of the MeasureReport a care gap's evidence points at. */
export function reportIdOf(issue: DetectedIssue): string {
  return issue.evidence?.[0]?.detail?.[0]?.reference?.replace(/^MeasureReport\//, "") ?? "";
}

/** Returns the id of the Measure a care gap implicates. */
export function measureIdOf(issue: DetectedIssue): string {
  return issue.implicated?.[0]?.reference?.replace(/^Measure\//, "") ?? "";
}

function isCareGap(issue: DetectedIssue): boolean {
  const coded = issue.code?.coding?.some((coding) => coding.system === careGapCodes.actCodeSystem && coding.code === careGapCodes.careGapCode) ?? false;
  return coded && gapStatusOf(issue) !== undefined;
}
