import type { Money } from "../claims/money";

/** An annual limit for one member and for the whole family; either is null when the data has none. */
export interface LimitPair {
  individual: Money | null;
  family: Money | null;
}

/** The plan's annual cost-sharing limits, as far as the data states them. */
export interface PlanLimits {
  deductible: LimitPair;
  outOfPocketMax: LimitPair;
  /** "in" when the limits apply to in-network care, or "unspecified" when the data does not state it. */
  network: "in" | "unspecified";
  /** The source of the limits: the Coverage's cost to beneficiary, or a claim's benefit balance. */
  source: "coverage" | "claim";
}

/** Tells whether any of the four limits is known. */
export function hasAnyLimit(limits: PlanLimits): boolean {
  return [limits.deductible.individual, limits.deductible.family, limits.outOfPocketMax.individual, limits.outOfPocketMax.family].some(
    (limit) => limit !== null,
  );
}
