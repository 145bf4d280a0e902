import type { CompartmentDefinition, Resource } from "fhir/r4";
import type { IndexRows } from "./index-rows";
import { readR4Definitions } from "./read-r4-definitions";

/** Per resource type, the reference search parameters that put a resource in a Patient compartment. */
export const PATIENT_COMPARTMENT_PARAMS: ReadonlyMap<string, readonly string[]> = loadCompartmentParams();

/**
 * Types in the Patient compartment that record who reached the patient's data rather than being
 * part of the record: $everything and the Patient and Group exports leave them out unless `_type`
 * names them. Every access adds an AuditEvent to the compartment, so with them each call would
 * return more than the last and access logs would fill the first pages. An export to another
 * payer would also carry the plan's staff names and client addresses.
 */
export const ACCESS_TRAIL_TYPES: readonly string[] = ["AuditEvent"];

/**
 * Lists the ids, sorted, of the Patient compartments a resource belongs to, per the R4 Patient
 * CompartmentDefinition: Patient/X when any compartment parameter of the resource's type refers
 * to Patient/X. A Patient is also in its own compartment. Only relative references count, so
 * `rows` must come from a resource whose references the import has already made relative.
 */
export function patientCompartmentsOf(resource: Resource, rows: IndexRows): string[] {
  const params = PATIENT_COMPARTMENT_PARAMS.get(resource.resourceType) ?? [];
  const patientIds = new Set<string>();

  if (resource.resourceType === "Patient" && resource.id) {
    patientIds.add(resource.id);
  }
  for (const row of rows.references) {
    if (row.targetType === "Patient" && params.includes(row.param)) {
      patientIds.add(row.targetId);
    }
  }
  return [...patientIds].sort();
}

function loadCompartmentParams(): Map<string, string[]> {
  const definition = readR4Definitions<CompartmentDefinition>("compartmentdefinition-patient.json");
  const params = new Map<string, string[]>();
  for (const entry of definition.resource ?? []) {
    if (entry.param && entry.param.length > 0) {
      params.set(entry.code, entry.param);
    }
  }
  return params;
}
