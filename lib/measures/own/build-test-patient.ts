import type { Bundle, CodeableConcept, Condition, Encounter, FhirResource, Observation, Patient, Procedure } from "fhir/r4";

/** Test fixtures: small FHIR resources for one synthetic patient, in the shape the measures read. */

export const testPatientId = "p1";
const subject = { reference: `Patient/${testPatientId}` };

export function code(system: string, value: string): CodeableConcept {
  return { coding: [{ system, code: value }] };
}

export function testPatient(birthDate: string, gender: Patient["gender"] = "female"): Patient {
  return { resourceType: "Patient", id: testPatientId, birthDate, gender };
}

export function officeVisitOn(date: string, id = "office"): Encounter {
  return {
    resourceType: "Encounter",
    id,
    status: "finished",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
    type: [code("http://www.ama-assn.org/go/cpt", "99213")],
    subject,
    period: { start: `${date}T09:00:00Z`, end: `${date}T09:30:00Z` },
  };
}

export function activeCondition(id: string, concept: CodeableConcept, onset: string, extra: Partial<Condition> = {}): Condition {
  return {
    resourceType: "Condition",
    id,
    clinicalStatus: code("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
    code: concept,
    subject,
    onsetDateTime: onset,
    ...extra,
  };
}

export function completedProcedure(id: string, concept: CodeableConcept, performed: string): Procedure {
  return { resourceType: "Procedure", id, status: "completed", code: concept, subject, performedDateTime: performed };
}

export function finalObservation(id: string, concept: CodeableConcept, effective: string, extra: Partial<Observation> = {}): Observation {
  return { resourceType: "Observation", id, status: "final", code: concept, subject, effectiveDateTime: effective, ...extra };
}

export function labCategory(): CodeableConcept[] {
  return [code("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")];
}

export function collectionOf(resources: FhirResource[]): Bundle {
  return { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) };
}
