import type { Money } from "../claims/money";
import type { CalendarDate } from "../claims/parse-fhir-date";
import { toCalendarDate } from "./calendar-day";
import type { PlanLimits } from "./plan-limits";
import type { PlanYear } from "./plan-year-of";
import type { NetworkSpending, SpendingTotals } from "./sum-cost-shares";

/** Spending toward one limit. */
export interface AccumulatorView {
  spent: Money;
  /** The plan's limit, or null when the data states none. */
  limit: Money | null;
  /** The amount left before the limit is met, never below zero, or null without a limit. */
  remaining: Money | null;
}

/** Deductible and out-of-pocket spending of one member or of the family. */
export interface AccumulatorPair {
  deductible: AccumulatorView;
  outOfPocket: AccumulatorView;
}

/** This plan year's spending against the plan's limits, as the home and coverage pages show it. */
export interface PlanYearSpending {
  planYear: { firstDay: CalendarDate; lastDay: CalendarDate; isCurrent: boolean };
  individual: AccumulatorPair;
  /**
   * Everyone on the plan added up, the member included; null for a member alone on the plan. It
   * contains sums only, never another member's claims.
   */
  family: (AccumulatorPair & { memberCount: number }) | null;
  /**
   * "in-network" when the limits are in-network ones, so claims paid out of network are left out
   * of the totals; "all" when every claim counts.
   */
  counted: "in-network" | "all";
  /** The member's own out-of-network amounts left out of the totals; null when there are none. */
  outOfNetwork: { deductible: Money; outOfPocket: Money } | null;
  /** The source of the limits, or null when the data states no limit. */
  limitsSource: PlanLimits["source"] | null;
  /** The member's own claims added in this plan year. */
  claimCount: number;
  /** The member's own claims in this plan year whose amounts could not be read. */
  unreadableCount: number;
}

/** The inputs of {@link toPlanYearSpending}, all computed by the caller. */
export interface SpendingInputs {
  planYear: PlanYear;
  isCurrent: boolean;
  own: NetworkSpending;
  /** Everyone on the plan, the member included; null when the member is alone on it. */
  family: { spending: NetworkSpending; memberCount: number } | null;
  limits: PlanLimits | null;
}

/** Maps summed spending and the plan's limits to the view model. */
export function toPlanYearSpending(inputs: SpendingInputs): PlanYearSpending {
  const { own, limits } = inputs;
  const counted = limits?.network === "in" ? "in-network" : "all";
  const currency = own.currency;
  const { family } = inputs;

  const pairOf = (spending: NetworkSpending, scope: "individual" | "family"): AccumulatorPair => {
    const totals = countedTotals(spending, counted);
    return {
      deductible: accumulatorOf(totals.deductible, limits?.deductible[scope] ?? null, currency),
      outOfPocket: accumulatorOf(totals.outOfPocket, limits?.outOfPocketMax[scope] ?? null, currency),
    };
  };
  const hasOutOfNetwork = counted === "in-network" && (own.outOfNetwork.deductible !== 0 || own.outOfNetwork.outOfPocket !== 0);

  return {
    planYear: { firstDay: toCalendarDate(inputs.planYear.firstDay), lastDay: toCalendarDate(inputs.planYear.lastDay), isCurrent: inputs.isCurrent },
    individual: pairOf(own, "individual"),
    family: family && { ...pairOf(family.spending, "family"), memberCount: family.memberCount },
    counted,
    outOfNetwork: hasOutOfNetwork
      ? { deductible: { minorUnits: own.outOfNetwork.deductible, currency }, outOfPocket: { minorUnits: own.outOfNetwork.outOfPocket, currency } }
      : null,
    limitsSource: limits?.source ?? null,
    claimCount: own.claimCount,
    unreadableCount: own.unreadableCount,
  };
}

/** Claims that state no network level count toward in-network limits, as most claims are paid in network. */
function countedTotals(spending: NetworkSpending, counted: PlanYearSpending["counted"]): SpendingTotals {
  const parts = counted === "in-network" ? [spending.inNetwork, spending.unknownNetwork] : [spending.inNetwork, spending.unknownNetwork, spending.outOfNetwork];
  return {
    deductible: parts.reduce((sum, part) => sum + part.deductible, 0),
    outOfPocket: parts.reduce((sum, part) => sum + part.outOfPocket, 0),
  };
}

function accumulatorOf(spentMinorUnits: number, limit: Money | null, currency: string): AccumulatorView {
  const spent = { minorUnits: spentMinorUnits, currency };
  // A limit in another currency than the claims cannot be compared with them.
  const comparable = limit !== null && limit.currency === currency ? limit : null;
  return {
    spent,
    limit: comparable,
    remaining: comparable && { minorUnits: Math.max(comparable.minorUnits - spentMinorUnits, 0), currency },
  };
}
