import type { Database } from "../../db/database";
import type { AggregateSource } from "./aggregate-scope";
import { listClaimCostByMonth, type ClaimCategory, type ClaimCostRow, type DayRange } from "./list-claim-cost-by-month";
import { listMonths } from "./list-months";

/** The amounts the plan and the member paid, in cents. */
export interface PaidAmounts {
  planPaidCents: number;
  memberPaidCents: number;
}

/** A member's spending in one plan year, as the spending page charts it. */
export interface MemberSpending {
  /** Every month of the plan year in order, zero where no claim started. */
  months: (PaidAmounts & { month: string })[];
  /** Categories with at least one claim, the costliest first. */
  categories: (PaidAmounts & { category: ClaimCategory; claims: number })[];
  totals: PaidAmounts & { claims: number };
}

/**
 * Sums the scope's active claims of one plan year by month and by category. The member's share
 * is what the claims list shows as "you may owe": a claim whose share is unknown adds 0.
 */
export async function getMemberSpending(db: Database, source: AggregateSource, planYear: DayRange, coverageIds: readonly string[] | null): Promise<MemberSpending> {
  const rows = await listClaimCostByMonth(db, source, planYear, coverageIds);

  const months = listMonths(planYear.firstDay, planYear.lastDay).map((month) => ({ month, ...sumPaid(rows.filter((row) => row.month === month)) }));
  const categoryNames = [...new Set(rows.map((row) => row.category))];
  const categories = categoryNames
    .map((category) => {
      const ofCategory = rows.filter((row) => row.category === category);
      return { category, claims: countClaims(ofCategory), ...sumPaid(ofCategory) };
    })
    .sort((left, right) => right.planPaidCents + right.memberPaidCents - (left.planPaidCents + left.memberPaidCents) || left.category.localeCompare(right.category));

  return { months, categories, totals: { claims: countClaims(rows), ...sumPaid(rows) } };
}

function sumPaid(rows: readonly ClaimCostRow[]): PaidAmounts {
  return {
    planPaidCents: rows.reduce((sum, row) => sum + row.planPaidCents, 0),
    memberPaidCents: rows.reduce((sum, row) => sum + row.memberPaidCents, 0),
  };
}

function countClaims(rows: readonly ClaimCostRow[]): number {
  return rows.reduce((sum, row) => sum + row.claims, 0);
}
