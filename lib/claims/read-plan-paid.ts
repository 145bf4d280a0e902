import { planPaidCodeChoices } from "./adjudication-codes";
import type { Money } from "./money";
import { readSingleAmount, type AmountEntry } from "./read-single-amount";

/**
 * Reads what the plan paid from one list of totals or adjudications: the first of "benefit",
 * "paidtoprovider" and the Blue Button provider payment that the list states. Returns undefined
 * when it states none, and null when the amount cannot be read or is given twice.
 */
export function readPlanPaid(entries: readonly AmountEntry[]): Money | null | undefined {
  for (const codes of planPaidCodeChoices) {
    const amount = readSingleAmount(entries, codes);
    if (amount !== undefined) {
      return amount;
    }
  }
  return undefined;
}
