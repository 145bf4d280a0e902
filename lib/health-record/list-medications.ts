import type { FhirStore } from "../fhir/store/fhir-store";
import { sortNewestFirst } from "./compare-newest-first";
import { isPresent } from "./is-present";
import { listOwnResources } from "./list-own-resources";
import { toMedicationView, type MedicationView } from "./to-medication-view";

/**
 * Lists the patient's prescriptions, newest first; the page splits them into current and past.
 * NOTE: only MedicationRequest is read. MedicationStatement (what the member reports taking)
 * is not shown until a source sends it.
 */
export async function listMedications(store: FhirStore, patientId: string): Promise<MedicationView[]> {
  const requests = await listOwnResources(store, patientId, "MedicationRequest");
  return sortNewestFirst(requests.map(toMedicationView).filter(isPresent), (view) => view.authoredOn);
}
