import type { AccumulatorView, PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { coverageStrings } from "./strings";

/** One row of the spending table and one bar of the home chart. */
export interface AccumulatorRow {
  key: keyof typeof coverageStrings.spending.shortLabels;
  /** "You", a viewed dependent's name, or "Your family (4 people)". */
  personLabel: string;
  /** "Deductible" or "Out-of-pocket maximum". */
  limitName: string;
  /** "Your deductible": the row's name where space is short. */
  shortLabel: string;
  accumulator: AccumulatorView;
}

/**
 * Lists the member's own accumulators, then the family's, in the order every view shows them.
 * `viewedName` is the dependent's name when a subscriber views a dependent's record, else null.
 */
export function toAccumulatorRows(spending: PlanYearSpending, viewedName: string | null = null): AccumulatorRow[] {
  const text = coverageStrings.spending;
  const row = (key: AccumulatorRow["key"], personLabel: string, limitName: string, accumulator: AccumulatorView): AccumulatorRow => ({
    key,
    personLabel,
    limitName,
    shortLabel: text.shortLabels[key],
    accumulator,
  });

  const individual = viewedName === null ? text.individual : text.viewedIndividual(viewedName);
  const deductible = row("individual-deductible", individual, text.deductible, spending.individual.deductible);
  const outOfPocket = row("individual-out-of-pocket", individual, text.outOfPocket, spending.individual.outOfPocket);
  if (viewedName !== null) {
    deductible.shortLabel = text.viewedShortLabels.deductible(viewedName);
    outOfPocket.shortLabel = text.viewedShortLabels.outOfPocket(viewedName);
  }
  const rows = [deductible, outOfPocket];
  if (spending.family) {
    const personLabel = text.family(spending.family.memberCount);
    rows.push(
      row("family-deductible", personLabel, text.deductible, spending.family.deductible),
      row("family-out-of-pocket", personLabel, text.outOfPocket, spending.family.outOfPocket),
    );
  }
  return rows;
}
