import type { FhirStore } from "../fhir/store/fhir-store";
import { sortNewestFirst } from "./compare-newest-first";
import { isPresent } from "./is-present";
import { listOwnResources } from "./list-own-resources";
import { toAllergyView, type AllergyView } from "./to-allergy-view";

/** Lists the patient's allergies and intolerances, newest recorded first. */
export async function listAllergies(store: FhirStore, patientId: string): Promise<AllergyView[]> {
  const allergies = await listOwnResources(store, patientId, "AllergyIntolerance");
  return sortNewestFirst(allergies.map(toAllergyView).filter(isPresent), (view) => view.recorded);
}
