import { readReferenceNames } from "../claims/read-reference-names";
import { toReferenceTarget, type ReferenceTarget } from "../claims/reference-target";
import type { FhirStore } from "../fhir/store/fhir-store";
import { sortNewestFirst } from "./compare-newest-first";
import { listOwnResources } from "./list-own-resources";
import { toEncounterView, type EncounterView } from "./to-encounter-view";

/**
 * Lists the patient's visits for the timeline, newest first. Cancelled visits and entries in
 * error never took place, so they are left out. Organizations named only by reference are read
 * once each for their names.
 */
export async function listEncounters(store: FhirStore, patientId: string): Promise<EncounterView[]> {
  const encounters = (await listOwnResources(store, patientId, "Encounter")).filter(
    (encounter) => encounter.status !== "cancelled" && encounter.status !== "entered-in-error",
  );

  const unnamed = encounters.filter((encounter) => !encounter.serviceProvider?.display).map((encounter) => toReferenceTarget(encounter.serviceProvider));
  const names = await readReferenceNames(store, unnamed.filter((target): target is ReferenceTarget => target !== null));
  return sortNewestFirst(
    encounters.map((encounter) => toEncounterView(encounter, names)),
    (view) => view.start,
  );
}
