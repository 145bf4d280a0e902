import type { ExplanationOfBenefit } from "fhir/r4";

import { sumMoney, type Money } from "./money";
import { readCategoryAmount, type AmountCategory } from "./read-category-amount";

/** The lines' amounts of one category added up, and how many lines state one. */
export interface LinesTotal {
  amount: Money;
  lineCount: number;
}

/**
 * Adds up the lines' amounts of one category. Returns undefined when no line states one, and null
 * when a line's amount cannot be read or the lines mix currencies. Negative line amounts are kept,
 * because CARIN BB reverses a line with a negative copy of it.
 */
export function sumLineAmounts(items: NonNullable<ExplanationOfBenefit["item"]>, category: AmountCategory): LinesTotal | null | undefined {
  const amounts: Money[] = [];
  for (const item of items) {
    const amount = readCategoryAmount(item.adjudication ?? [], category);
    if (amount === null) {
      return null;
    }
    if (amount !== undefined) {
      amounts.push(amount);
    }
  }

  if (amounts.length === 0) {
    return undefined;
  }
  const amount = sumMoney(amounts);
  return amount ? { amount, lineCount: amounts.length } : null;
}
