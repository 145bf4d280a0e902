import { isReferenceTo } from "../claims/reference-target";
import type { FhirStore } from "../fhir/store/fhir-store";
import { toCalendarDate } from "./calendar-day";
import { serviceDayOf } from "./plan-year-claims";

/**
 * Lists the calendar years in which the patient's own active claims start, newest first, so a
 * member whose claims are all in earlier years can open those plan years.
 */
export async function listClaimYears(store: FhirStore, patientId: string): Promise<number[]> {
  const claims = await store.listInPatientCompartment(patientId, "ExplanationOfBenefit");
  const years = new Set<number>();
  for (const eob of claims) {
    const day = isReferenceTo(eob.patient, "Patient", patientId) && eob.status === "active" ? serviceDayOf(eob) : null;
    if (day !== null) {
      years.add(toCalendarDate(day).year);
    }
  }
  return [...years].sort((left, right) => right - left);
}
