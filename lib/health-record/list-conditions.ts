import type { FhirStore } from "../fhir/store/fhir-store";
import { sortNewestFirst } from "./compare-newest-first";
import { isPresent } from "./is-present";
import { listOwnResources } from "./list-own-resources";
import { toConditionView, type ConditionView } from "./to-condition-view";

/** Lists the patient's conditions, newest onset first; the page splits them into active and past. */
export async function listConditions(store: FhirStore, patientId: string): Promise<ConditionView[]> {
  const conditions = await listOwnResources(store, patientId, "Condition");
  return sortNewestFirst(conditions.map(toConditionView).filter(isPresent), (view) => view.onset);
}
