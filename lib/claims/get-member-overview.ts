import { getPlanYearSpending } from "../coverage/get-plan-year-spending";
import { loadPlanContext } from "../coverage/load-plan-context";
import type { PlanYearSpending } from "../coverage/plan-year-spending";
import type { FhirStore } from "../fhir/store/fhir-store";
import { isFhirError } from "../fhir/fhir-error";
import { logger } from "../log/logger";
import type { ClaimSummary } from "./claim-summary";
import { getMemberPlan } from "./get-member-plan";
import { listMemberClaims } from "./list-member-claims";
import { toDisplayName } from "./to-display-name";
import type { PlanSummary } from "./to-plan-summary";

/** Everything the member home page shows, as view models. */
export type MemberOverview =
  | {
      /** The account names no Patient, or the Patient it names is not (or no longer) stored. */
      kind: "no-patient";
    }
  | {
      kind: "patient";
      /** The Patient's name, or null when the resource has none. */
      patientName: string | null;
      plan: PlanSummary | null;
      /** The newest claims, newest first; empty when the patient has none. */
      claims: ClaimSummary[];
      /** This plan year's deductible and out-of-pocket spending against the plan's limits. */
      spending: PlanYearSpending;
    };

/**
 * Loads the member page's data for one patient. The patient id must come from the signed-in
 * account, never from the request: every read below is limited to that Patient's compartment.
 */
export async function getMemberOverview(store: FhirStore, patientId: string | null, now: Date = new Date()): Promise<MemberOverview> {
  if (!patientId) {
    return { kind: "no-patient" };
  }
  const startedAt = performance.now();

  let patientName: string | null;
  try {
    patientName = toDisplayName((await store.read("Patient", patientId)).name);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) {
      return { kind: "no-patient" };
    }
    throw error;
  }

  const [plan, claims, spending] = await Promise.all([
    getMemberPlan(store, patientId, now),
    listMemberClaims(store, patientId),
    loadPlanContext(store, patientId, now).then(async (context) => getPlanYearSpending(store, patientId, context)),
  ]);
  logger.info({ claims: claims.length, hasPlan: plan !== null, durationMs: Math.round(performance.now() - startedAt) }, "member overview loaded");
  return { kind: "patient", patientName, plan, claims, spending };
}
