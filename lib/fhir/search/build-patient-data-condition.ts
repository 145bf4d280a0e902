import { ACCESS_TRAIL_TYPES } from "../patient-compartments";
import { DIRECTORY_RESOURCE_TYPES } from "./access-scope";
import type { SqlParameters } from "./sql-parameters";

/** The patients whose data a query selects: listed ones, or every patient. */
export type PatientSelection = { kind: "all" } | { kind: "ids"; ids: readonly string[] };

/**
 * Builds the SQL condition that keeps rows of `resource` under `alias` that belong to the data of
 * the selected patients. Those are the Patients, the resources in their Patient compartments, and
 * the directory resources (Organization, Practitioner…) that a compartment resource refers to
 * through an indexed reference parameter. A reference outside every search parameter is not
 * followed, and neither is one from the access trail (ACCESS_TRAIL_TYPES): a Practitioner that
 * an AuditEvent names was looked at, not part of the patient's care.
 */
export function buildPatientDataCondition(selection: PatientSelection, alias: string, params: SqlParameters): string {
  const ids = selection.kind === "ids" ? params.add([...selection.ids]) : undefined;
  const inCompartment = (compartment: string): string =>
    `${compartment}.compartment_type = 'Patient'` + (ids ? ` AND ${compartment}.compartment_id = ANY(${ids}::text[])` : "");
  const member = params.alias("c");
  const reference = params.alias("ref");
  const referrer = params.alias("c");

  return `((${alias}.resource_type = 'Patient'${ids ? ` AND ${alias}.id = ANY(${ids}::text[])` : ""})
    OR (${alias}.resource_type = ANY(${params.add([...DIRECTORY_RESOURCE_TYPES])}::text[]) AND EXISTS (
      SELECT 1 FROM search_reference ${reference}
      JOIN resource_compartment ${referrer} ON ${referrer}.resource_type = ${reference}.resource_type AND ${referrer}.resource_id = ${reference}.resource_id
      WHERE ${reference}.target_type = ${alias}.resource_type AND ${reference}.target_id = ${alias}.id AND ${inCompartment(referrer)}
        AND ${reference}.resource_type <> ALL(${params.add([...ACCESS_TRAIL_TYPES])}::text[])))
    OR (${alias}.resource_type <> 'Patient' AND EXISTS (
      SELECT 1 FROM resource_compartment ${member}
      WHERE ${member}.resource_type = ${alias}.resource_type AND ${member}.resource_id = ${alias}.id AND ${inCompartment(member)})))`;
}
