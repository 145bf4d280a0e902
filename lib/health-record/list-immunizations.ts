import type { FhirStore } from "../fhir/store/fhir-store";
import { sortNewestFirst } from "./compare-newest-first";
import { isPresent } from "./is-present";
import { listOwnResources } from "./list-own-resources";
import { toImmunizationView, type ImmunizationView } from "./to-immunization-view";

/** Lists the patient's vaccinations, newest first. */
export async function listImmunizations(store: FhirStore, patientId: string): Promise<ImmunizationView[]> {
  const immunizations = await listOwnResources(store, patientId, "Immunization");
  return sortNewestFirst(immunizations.map(toImmunizationView).filter(isPresent), (view) => view.date);
}
