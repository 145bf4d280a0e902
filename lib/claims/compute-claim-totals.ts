import type { ExplanationOfBenefit } from "fhir/r4";

import type { Money } from "./money";
import { amountCategories, readCategoryAmount, type AmountCategory } from "./read-category-amount";
import { sumLineAmounts } from "./sum-line-amounts";

/**
 * One row of a claim's totals, by kind:
 * - "stated": the EOB's own total, checked against the lines when they state the category.
 * - "fromLines": the lines added up, where the EOB gives no total.
 * - "disagrees": a total below what its lines add up to, so neither figure is shown as the sum.
 * - "unknown": an amount that cannot be read, or lines in mixed currencies.
 */
export type ClaimTotal =
  | { category: AmountCategory; kind: "stated"; amount: Money }
  | { category: AmountCategory; kind: "fromLines"; amount: Money }
  | { category: AmountCategory; kind: "disagrees"; stated: Money; linesSum: Money }
  | { category: AmountCategory; kind: "unknown" };

/**
 * Computes the total of every category that the EOB or its lines state, in column order. A category
 * that neither states is left out. A total above its lines is accepted, because lines may leave an
 * amount out (Synthea gives the encounter line none) and payers adjust at the header. A total below
 * its lines disagrees, allowing the rounding of each line to whole cents.
 */
export function computeClaimTotals(eob: ExplanationOfBenefit): ClaimTotal[] {
  return amountCategories.map((category) => computeClaimTotal(eob, category)).filter((total): total is ClaimTotal => total !== null);
}

/** Computes one category's total as computeClaimTotals does. Returns null when nothing states it. */
export function computeClaimTotal(eob: ExplanationOfBenefit, category: AmountCategory): ClaimTotal | null {
  const stated = readCategoryAmount(eob.total ?? [], category);
  const lines = sumLineAmounts(eob.item ?? [], category);

  if (stated === null) {
    return { category, kind: "unknown" };
  }
  if (stated === undefined) {
    if (lines === undefined) return null;
    return lines === null ? { category, kind: "unknown" } : { category, kind: "fromLines", amount: lines.amount };
  }
  if (lines === undefined || lines === null) {
    // Lines that cannot be added up leave the stated total unchecked rather than wrong.
    return { category, kind: "stated", amount: stated };
  }

  // Each amount was rounded to a whole minor unit, so the lines may overshoot by less than (lines + 1) / 2 units.
  const roundingSlack = Math.floor(lines.lineCount / 2);
  const overshoot = lines.amount.minorUnits - stated.minorUnits;
  if (lines.amount.currency !== stated.currency || overshoot > roundingSlack) {
    return { category, kind: "disagrees", stated, linesSum: lines.amount };
  }
  return { category, kind: "stated", amount: stated };
}
