import type { AllergyIntolerance, Condition, Encounter, Immunization, MedicationRequest, Observation, Procedure, Reference } from "fhir/r4";

import { isReferenceTo } from "../claims/reference-target";
import type { ResourceOf } from "../fhir/resource-of";
import type { FhirStore } from "../fhir/store/fhir-store";

/** The clinical resources the health record shows. */
export type HealthRecordResource = Encounter | Condition | MedicationRequest | Immunization | AllergyIntolerance | Procedure | Observation;

type HealthRecordType = HealthRecordResource["resourceType"];

/**
 * Lists the resources of one type that are about the patient. The Patient compartment also contains
 * resources where the patient is only a performer, asserter or recorder, which belong to someone
 * else's record, so those are dropped here.
 */
export async function listOwnResources<K extends HealthRecordType>(store: FhirStore, patientId: string, resourceType: K): Promise<ResourceOf<K>[]> {
  const inCompartment = await store.listInPatientCompartment(patientId, resourceType);
  return inCompartment.filter((resource) => isReferenceTo(patientReferenceOf(resource), "Patient", patientId));
}

/** Returns the element that names whose record the resource belongs to. */
function patientReferenceOf(resource: HealthRecordResource): Reference | undefined {
  switch (resource.resourceType) {
    case "Immunization":
    case "AllergyIntolerance":
      return resource.patient;
    case "Encounter":
    case "Condition":
    case "MedicationRequest":
    case "Procedure":
    case "Observation":
      return resource.subject;
  }
}
