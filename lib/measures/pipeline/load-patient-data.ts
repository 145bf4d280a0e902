import type { Bundle, FhirResource, Medication } from "fhir/r4";

import type { SqlClient } from "@/lib/db/sql-client";

import { loadCurrentResources } from "./load-current-resources";
import { measureInputTypes } from "./measure-input-types";

/**
 * Loads the current measure-relevant resources of each patient's compartment as one collection
 * Bundle per patient, the Patient first, plus the Medication resources their MedicationRequests
 * reference (Medication is outside the compartment). A patient id that names no stored Patient
 * gets no entry in the result.
 */
export async function loadPatientData(sql: SqlClient, patientIds: readonly string[]): Promise<Map<string, Bundle>> {
  const rows = await sql.query<{ patient_id: string; content: FhirResource }>(
    `SELECT c.compartment_id AS patient_id, v.content FROM resource_compartment c
     JOIN resource r ON r.resource_type = c.resource_type AND r.id = c.resource_id
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE c.compartment_type = 'Patient' AND c.compartment_id = ANY($1::text[]) AND c.resource_type = ANY($2::text[]) AND NOT r.deleted`,
    [patientIds, measureInputTypes],
  );

  const byPatient = new Map<string, FhirResource[]>();
  for (const row of rows) {
    const list = byPatient.get(row.patient_id) ?? [];
    list.push(row.content);
    byPatient.set(row.patient_id, list);
  }
  const medications = await loadReferencedMedications(sql, rows.map((row) => row.content));

  const bundles = new Map<string, Bundle>();
  for (const [patientId, resources] of byPatient) {
    const patient = resources.find((resource) => resource.resourceType === "Patient" && resource.id === patientId);
    if (!patient) continue;
    const others = resources.filter((resource) => resource !== patient);
    const referenced = others.flatMap((resource) => medicationIdOf(resource) ?? []).flatMap((id) => medications.get(id) ?? []);
    const entries = [patient, ...others, ...new Set(referenced)].map((resource) => ({ resource }));
    bundles.set(patientId, { resourceType: "Bundle", type: "collection", entry: entries });
  }
  return bundles;
}

async function loadReferencedMedications(sql: SqlClient, resources: readonly FhirResource[]): Promise<Map<string, Medication>> {
  const ids = [...new Set(resources.flatMap((resource) => medicationIdOf(resource) ?? []))];
  return loadCurrentResources(sql, "Medication", ids);
}

function medicationIdOf(resource: FhirResource): string | undefined {
  if (resource.resourceType !== "MedicationRequest") return undefined;
  const reference = resource.medicationReference?.reference;
  return reference?.startsWith("Medication/") ? reference.slice("Medication/".length) : undefined;
}
