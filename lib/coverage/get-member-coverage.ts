import { getPlanFromLatestClaim } from "../claims/get-plan-from-latest-claim";
import { readReferenceNames } from "../claims/read-reference-names";
import { toReferenceTarget, type ReferenceTarget } from "../claims/reference-target";
import { toDisplayName } from "../claims/to-display-name";
import { toPlanSummary, type PlanSummary } from "../claims/to-plan-summary";
import { isFhirError } from "../fhir/fhir-error";
import type { FhirStore } from "../fhir/store/fhir-store";
import { logger } from "../log/logger";
import type { CoverageDetails } from "./coverage-details";
import { getPlanYearSpending } from "./get-plan-year-spending";
import { listClaimYears } from "./list-claim-years";
import { loadPlanContext, type PlanContext } from "./load-plan-context";
import type { PlanYearSpending } from "./plan-year-spending";
import { toCoverageDetails } from "./to-coverage-details";

/** Everything the coverage page shows, as view models. */
export type MemberCoverage =
  | { kind: "no-patient" }
  | {
      kind: "patient";
      /** The member's name for the ID card, or null when the Patient has none. */
      patientName: string | null;
      /** Null when no Coverage is stored for the member, as with Synthea data. */
      coverage: CoverageDetails | null;
      /** Without a stored Coverage, the plan named inside the newest claim, if any; else null. */
      planFromClaims: PlanSummary | null;
      spending: PlanYearSpending;
      /** Calendar years in which the member's own claims start, newest first, for picking another plan year. */
      claimYears: number[];
      /** The requested year when the member has coverage stored but none that covered it; else null. */
      uncoveredYear: number | null;
    };

/**
 * Loads the coverage page's data for one patient, for the current plan year or the one that
 * `requestedYear` picks (see loadPlanContext). The patient id must come from the signed-in
 * account, never from the request. Family members contribute their names and relationships, and
 * their claims only as sums inside the spending totals.
 */
export async function getMemberCoverage(
  store: FhirStore,
  patientId: string | null,
  now: Date = new Date(),
  requestedYear?: number,
): Promise<MemberCoverage> {
  if (!patientId) {
    return { kind: "no-patient" };
  }
  const startedAt = performance.now();

  const patientName = await readPatientName(store, patientId);
  if (patientName === undefined) {
    return { kind: "no-patient" };
  }

  const context = await loadPlanContext(store, patientId, now, requestedYear);
  const [coverage, spending, claimYears] = await Promise.all([
    readCoverageDetails(store, patientId, context),
    getPlanYearSpending(store, patientId, context),
    listClaimYears(store, patientId),
  ]);
  const planFromClaims = coverage ? null : await getPlanFromLatestClaim(store, patientId);
  logger.info(
    { hasCoverage: coverage !== null, familySize: context.familyCoverages.length, durationMs: Math.round(performance.now() - startedAt) },
    "member coverage loaded",
  );
  return { kind: "patient", patientName, coverage, planFromClaims, spending, claimYears, uncoveredYear: context.uncoveredYear };
}

async function readCoverageDetails(store: FhirStore, patientId: string, context: PlanContext): Promise<CoverageDetails | null> {
  const { coverage } = context;
  if (!coverage) {
    return null;
  }

  const payer = coverage.payor[0]?.display ? null : toReferenceTarget(coverage.payor[0]);
  const familyIds = context.familyCoverages
    .map((familyCoverage) => toReferenceTarget(familyCoverage.beneficiary))
    .filter((target): target is ReferenceTarget => target?.resourceType === "Patient");
  const [names, patientNames] = await Promise.all([
    readReferenceNames(store, payer ? [payer] : []),
    readPatientNames(store, familyIds.map((target) => target.id)),
  ]);

  return toCoverageDetails({ patientId, coverage, familyCoverages: context.familyCoverages, plan: toPlanSummary(coverage, names), patientNames });
}

/** Returns the Patient's name, null when it has none, and undefined when the Patient is not stored. */
async function readPatientName(store: FhirStore, patientId: string): Promise<string | null | undefined> {
  try {
    return toDisplayName((await store.read("Patient", patientId)).name);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) {
      return undefined;
    }
    throw error;
  }
}

async function readPatientNames(store: FhirStore, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const name = await readPatientName(store, id);
      if (name) {
        names.set(id, name);
      }
    }),
  );
  return names;
}
