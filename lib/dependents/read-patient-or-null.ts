import type { Patient } from "fhir/r4";

import { isFhirError } from "../fhir/fhir-error";
import type { FhirStore } from "../fhir/store/fhir-store";

/** Reads a Patient, or returns null when it was never stored or has been deleted. */
export async function readPatientOrNull(store: FhirStore, patientId: string): Promise<Patient | null> {
  try {
    return await store.read("Patient", patientId);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) {
      return null;
    }
    throw error;
  }
}
