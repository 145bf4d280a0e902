import type { ExplanationOfBenefit } from "fhir/r4";

import { defaultCurrency } from "../claims/money";
import { toReferenceTarget } from "../claims/reference-target";
import type { FhirStore } from "../fhir/store/fhir-store";
import type { PlanContext } from "./load-plan-context";
import { filterPlanYearClaims, serviceDayOf, type ClaimScope } from "./plan-year-claims";
import type { PlanLimits } from "./plan-limits";
import { toPlanYearSpending, type PlanYearSpending } from "./plan-year-spending";
import { readBenefitBalanceLimits } from "./read-benefit-balance-limits";
import { readClaimCostShare } from "./read-claim-cost-share";
import { readCoverageLimits } from "./read-coverage-limits";
import { addSpending, sumCostShares, type NetworkSpending } from "./sum-cost-shares";

/**
 * Computes the plan year's deductible and out-of-pocket spending of the member and their family
 * from the ExplanationOfBenefits, against the limits on the Coverage (else on the newest claim's
 * benefitBalance). The patient id must come from the signed-in account. Other family members'
 * claims are read here and reduced to sums at once, so nothing of them leaves this function.
 */
export async function getPlanYearSpending(store: FhirStore, patientId: string, context: PlanContext): Promise<PlanYearSpending> {
  const coverageIds = context.coverage ? new Set(context.familyCoverages.map((coverage) => coverage.id ?? "")) : null;
  const scopeOf = (memberId: string): ClaimScope => ({ patientId: memberId, planYear: context.planYear, coverageIds });

  const ownClaims = filterPlanYearClaims(await store.listInPatientCompartment(patientId, "ExplanationOfBenefit"), scopeOf(patientId));
  const limits = (context.coverage && readCoverageLimits(context.coverage)) ?? limitsFromNewestClaim(ownClaims);
  const shares = ownClaims.map(readClaimCostShare);
  const currency = currencyOf(limits) ?? shares.find((share) => share !== null)?.outOfPocket.currency ?? defaultCurrency;
  const own = sumCostShares(shares, currency);

  const othersIds = familyMemberIds(context, patientId);
  let family: { spending: NetworkSpending; memberCount: number } | null = null;
  if (othersIds.length > 0) {
    const others = await Promise.all(othersIds.map(async (memberId) => sumMemberClaims(store, scopeOf(memberId), currency)));
    family = { spending: others.reduce(addSpending, own), memberCount: othersIds.length + 1 };
  }

  return toPlanYearSpending({ planYear: context.planYear, isCurrent: context.isCurrent, own, family, limits });
}

async function sumMemberClaims(store: FhirStore, scope: ClaimScope, currency: string): Promise<NetworkSpending> {
  const claims = filterPlanYearClaims(await store.listInPatientCompartment(scope.patientId, "ExplanationOfBenefit"), scope);
  return sumCostShares(claims.map(readClaimCostShare), currency);
}

function familyMemberIds(context: PlanContext, patientId: string): string[] {
  const ids = context.familyCoverages
    .map((coverage) => toReferenceTarget(coverage.beneficiary))
    .filter((target) => target?.resourceType === "Patient" && target.id !== patientId)
    .map((target) => target?.id ?? "");
  return [...new Set(ids)];
}

function limitsFromNewestClaim(claims: readonly ExplanationOfBenefit[]): PlanLimits | null {
  const newestFirst = [...claims].sort((left, right) => (serviceDayOf(right) ?? 0) - (serviceDayOf(left) ?? 0));
  for (const claim of newestFirst) {
    const limits = readBenefitBalanceLimits(claim);
    if (limits) {
      return limits;
    }
  }
  return null;
}

function currencyOf(limits: PlanLimits | null): string | undefined {
  if (!limits) return undefined;
  const [first] = [limits.deductible.individual, limits.deductible.family, limits.outOfPocketMax.individual, limits.outOfPocketMax.family].filter(
    (limit) => limit !== null,
  );
  return first?.currency;
}
