import type { Coverage } from "fhir/r4";

import { periodToDateRange } from "../fhir/date-range";
import type { FhirStore } from "../fhir/store/fhir-store";
import { isReferenceTo, toReferenceTarget, type ReferenceTarget } from "./reference-target";
import { getPlanFromLatestClaim } from "./get-plan-from-latest-claim";
import { readReferenceNames } from "./read-reference-names";
import { toPlanSummary, type PlanSummary } from "./to-plan-summary";

/**
 * Returns the plan of the patient's current Coverage, or null when none is stored. Only Coverage
 * whose beneficiary is this Patient counts, because a subscriber's compartment also contains their
 * dependents' Coverage. Among those, active Coverage comes first, then Coverage whose period
 * contains `now`, then the latest period start, so next year's plan does not replace this year's.
 * Without any, the plan named inside the newest claim is used.
 */
export async function getMemberPlan(store: FhirStore, patientId: string, now: Date = new Date()): Promise<PlanSummary | null> {
  const inCompartment = await store.listInPatientCompartment(patientId, "Coverage");
  const own = inCompartment.filter((coverage) => isReferenceTo(coverage.beneficiary, "Patient", patientId) && coverage.status !== "entered-in-error");
  const [current] = own.map((coverage) => rankOf(coverage, now)).sort(compareRanks);
  if (!current) {
    return getPlanFromLatestClaim(store, patientId);
  }

  const payer = current.coverage.payor[0]?.display ? null : toReferenceTarget(current.coverage.payor[0]);
  const names = await readReferenceNames(store, [payer].filter((target): target is ReferenceTarget => target !== null));
  return toPlanSummary(current.coverage, names);
}

interface RankedCoverage {
  coverage: Coverage;
  active: boolean;
  coversNow: boolean;
  /** Milliseconds since the epoch of the period start; -Infinity without one. */
  start: number;
}

function rankOf(coverage: Coverage, now: Date): RankedCoverage {
  const period = periodToDateRange(coverage.period?.start, coverage.period?.end);
  return {
    coverage,
    active: coverage.status === "active",
    coversNow: period === undefined || (period.start <= now && now < period.end),
    start: coverage.period?.start && period ? period.start.getTime() : Number.NEGATIVE_INFINITY,
  };
}

function compareRanks(left: RankedCoverage, right: RankedCoverage): number {
  if (left.active !== right.active) return left.active ? -1 : 1;
  if (left.coversNow !== right.coversNow) return left.coversNow ? -1 : 1;
  if (left.start !== right.start) return right.start > left.start ? 1 : -1;
  return (left.coverage.id ?? "").localeCompare(right.coverage.id ?? "");
}
