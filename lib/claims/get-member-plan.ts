import { selectCurrentCoverage } from "../coverage/select-current-coverage";
import type { FhirStore } from "../fhir/store/fhir-store";
import { getPlanFromLatestClaim } from "./get-plan-from-latest-claim";
import { readReferenceNames } from "./read-reference-names";
import { toReferenceTarget, type ReferenceTarget } from "./reference-target";
import { toPlanSummary, type PlanSummary } from "./to-plan-summary";

/**
 * Returns the plan of the patient's current Coverage (see selectCurrentCoverage), or null when
 * none is stored. Without any Coverage, the plan named inside the newest claim is used.
 */
export async function getMemberPlan(store: FhirStore, patientId: string, now: Date = new Date()): Promise<PlanSummary | null> {
  const inCompartment = await store.listInPatientCompartment(patientId, "Coverage");
  const current = selectCurrentCoverage(inCompartment, patientId, now);
  if (!current) {
    return getPlanFromLatestClaim(store, patientId);
  }

  const payer = current.payor[0]?.display ? null : toReferenceTarget(current.payor[0]);
  const names = await readReferenceNames(store, [payer].filter((target): target is ReferenceTarget => target !== null));
  return toPlanSummary(current, names);
}
