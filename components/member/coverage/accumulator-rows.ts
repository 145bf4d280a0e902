import type { AccumulatorView, PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { coverageStrings } from "./strings";

/** One row of the spending table and one bar of the home chart. */
export interface AccumulatorRow {
  key: keyof typeof coverageStrings.spending.shortLabels;
  /** "You" or "Your family (4 people)". */
  personLabel: string;
  /** "Deductible" or "Out-of-pocket maximum". */
  limitName: string;
  /** "Your deductible": the row's name where space is short. */
  shortLabel: string;
  accumulator: AccumulatorView;
}

/** Lists the member's own accumulators, then the family's, in the order every view shows them. */
export function toAccumulatorRows(spending: PlanYearSpending): AccumulatorRow[] {
  const text = coverageStrings.spending;
  const row = (key: AccumulatorRow["key"], personLabel: string, limitName: string, accumulator: AccumulatorView): AccumulatorRow => ({
    key,
    personLabel,
    limitName,
    shortLabel: text.shortLabels[key],
    accumulator,
  });

  const rows = [
    row("individual-deductible", text.individual, text.deductible, spending.individual.deductible),
    row("individual-out-of-pocket", text.individual, text.outOfPocket, spending.individual.outOfPocket),
  ];
  if (spending.family) {
    const personLabel = text.family(spending.family.memberCount);
    rows.push(
      row("family-deductible", personLabel, text.deductible, spending.family.deductible),
      row("family-out-of-pocket", personLabel, text.outOfPocket, spending.family.outOfPocket),
    );
  }
  return rows;
}
