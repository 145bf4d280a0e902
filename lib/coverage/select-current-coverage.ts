import type { Coverage } from "fhir/r4";

import { isReferenceTo } from "../claims/reference-target";
import { periodToDateRange } from "../fhir/date-range";

/**
 * Picks the patient's current Coverage from the Coverage in their compartment, or returns null.
 * Only Coverage whose beneficiary is this Patient counts, because a subscriber's compartment also
 * contains their dependents' Coverage. Among those, active Coverage comes first, then Coverage
 * whose period contains `now`, then the latest period start, so next year's plan does not replace
 * this year's. Entered-in-error Coverage never counts.
 */
export function selectCurrentCoverage(inCompartment: readonly Coverage[], patientId: string, now: Date): Coverage | null {
  const own = inCompartment.filter((coverage) => isReferenceTo(coverage.beneficiary, "Patient", patientId) && coverage.status !== "entered-in-error");
  const [current] = own.map((coverage) => rankOf(coverage, now)).sort(compareRanks);
  return current?.coverage ?? null;
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
