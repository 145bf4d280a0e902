import { isFhirError } from "../fhir/fhir-error";
import type { FhirStore } from "../fhir/store/fhir-store";
import { readPatientOrNull } from "../dependents/read-patient-or-null";
import { applyProfileToPatient } from "./apply-profile-to-patient";
import type { ProfileFormValues } from "./profile-form-schema";

/** The result of saving the profile form. */
export type ProfileUpdateResult =
  | { kind: "saved"; version: string }
  /** The Patient changed after the form was loaded; nothing was written. */
  | { kind: "conflict" }
  /** The Patient is not stored or was deleted. */
  | { kind: "no-patient" };

/**
 * Writes a new version of the Patient with the form's values, only if the stored version is
 * still the one the form was loaded with (`values.version`). The store checks the version in
 * the same transaction as the write, so of two saves from the same loaded version one wins and
 * the other gets a conflict instead of overwriting it.
 */
export async function updateMemberProfile(store: FhirStore, patientId: string, values: ProfileFormValues): Promise<ProfileUpdateResult> {
  const patient = await readPatientOrNull(store, patientId);
  if (!patient) {
    return { kind: "no-patient" };
  }
  if (patient.meta?.versionId !== values.version) {
    return { kind: "conflict" };
  }

  try {
    const { resource } = await store.update(applyProfileToPatient(patient, values), { ifMatch: values.version });
    return { kind: "saved", version: resource.meta?.versionId ?? values.version };
  } catch (error) {
    if (isFhirError(error, "conflict")) {
      return { kind: "conflict" };
    }
    throw error;
  }
}
