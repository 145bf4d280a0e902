import type { FhirStore } from "../fhir/store/fhir-store";
import { sortNewestFirst } from "./compare-newest-first";
import { isPresent } from "./is-present";
import { listOwnResources } from "./list-own-resources";
import { toProcedureView, type ProcedureView } from "./to-procedure-view";

/** Lists the patient's procedures, newest first. */
export async function listProcedures(store: FhirStore, patientId: string): Promise<ProcedureView[]> {
  const procedures = await listOwnResources(store, patientId, "Procedure");
  return sortNewestFirst(procedures.map(toProcedureView).filter(isPresent), (view) => view.date);
}
