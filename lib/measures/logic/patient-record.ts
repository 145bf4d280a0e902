import type { Bundle, Condition, Encounter, FhirResource, Patient, Resource } from "fhir/r4";

import type { MeasurementWindow } from "./measurement-window";

/** Tag system the member's "I had this done elsewhere" evidence carries until a care manager reviews it. */
export const evidenceReviewSystem = "https://lakeview.example/fhir/CodeSystem/evidence-review";

/** Review states that keep a resource out of measure evaluation: still under review, or rejected. */
const uncountedReviewCodes = new Set(["pending", "rejected"]);

type ResourceByType<K extends FhirResource["resourceType"]> = Extract<FhirResource, { resourceType: K }>;

/** One patient's data for a measurement period, as the measures read it. */
export interface PatientRecord {
  patient: Patient;
  window: MeasurementWindow;
  /** The current resources of one type, without those whose evidence review is pending or rejected. */
  list<K extends FhirResource["resourceType"]>(resourceType: K): ResourceByType<K>[];
  /** The Encounter a reference such as "Encounter/123" points at, when the record holds it. */
  encounter(reference: string | undefined): Encounter | undefined;
}

/**
 * Indexes a collection Bundle of a patient's compartment by resource type. Resources tagged
 * evidence-review `pending` or `rejected` are dropped here, so no measure can count them.
 */
export function toPatientRecord(patientData: Bundle, window: MeasurementWindow): PatientRecord {
  const byType = new Map<string, FhirResource[]>();
  let patient: Patient | undefined;
  for (const entry of patientData.entry ?? []) {
    const resource = entry.resource as FhirResource | undefined;
    if (!resource || !countsForMeasures(resource)) continue;
    if (resource.resourceType === "Patient" && !patient) patient = resource;
    const list = byType.get(resource.resourceType) ?? [];
    list.push(resource);
    byType.set(resource.resourceType, list);
  }
  if (!patient) {
    throw new Error("The patient data Bundle contains no Patient; add the Patient resource as its first entry.");
  }

  const encounters = new Map((byType.get("Encounter") ?? []).map((resource) => [`Encounter/${resource.id}`, resource as Encounter]));
  return {
    patient,
    window,
    list: <K extends FhirResource["resourceType"]>(resourceType: K) => (byType.get(resourceType) ?? []) as ResourceByType<K>[],
    encounter: (reference) => (reference ? encounters.get(reference.replace(/^.*\/(Encounter\/[^/]+)$/, "$1")) : undefined),
  };
}

/** False for a resource whose evidence-review tag is `pending` or `rejected`; `accepted` or no tag counts. */
export function countsForMeasures(resource: Resource): boolean {
  const tags = resource.meta?.tag ?? [];
  return !tags.some((tag) => tag.system === evidenceReviewSystem && uncountedReviewCodes.has(tag.code ?? ""));
}

/** True for a Condition whose verification status is refuted or entered-in-error. */
export function isRefutedCondition(condition: Condition): boolean {
  const codes = condition.verificationStatus?.coding?.map((coding) => coding.code) ?? [];
  return codes.includes("refuted") || codes.includes("entered-in-error");
}
