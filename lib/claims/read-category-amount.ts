import { allowedCodes, lineSubmittedCodes, memberCostShareParts, memberLiabilityCode, noncoveredCode, type Code } from "./adjudication-codes";
import type { Money } from "./money";
import { readPlanPaid } from "./read-plan-paid";
import { readSingleAmount, type AmountEntry } from "./read-single-amount";

/** The adjudication amounts that the claim detail page shows, in the order of its columns. */
export const amountCategories = [
  "submitted",
  "allowed",
  "deductible",
  "copay",
  "coinsurance",
  "noncovered",
  "planPaid",
  "memberLiability",
] as const;

export type AmountCategory = (typeof amountCategories)[number];

const [deductibleCodes = [], copayCodes = [], coinsuranceCodes = []] = memberCostShareParts;

const codesOf: Record<Exclude<AmountCategory, "planPaid">, readonly Code[]> = {
  submitted: lineSubmittedCodes,
  allowed: allowedCodes,
  deductible: deductibleCodes,
  copay: copayCodes,
  coinsurance: coinsuranceCodes,
  noncovered: [noncoveredCode],
  memberLiability: [memberLiabilityCode],
};

/**
 * Reads one category's amount from EOB.total or a line's adjudication. Returns undefined when
 * the list does not state it, and null when the amount cannot be read or is given twice.
 */
export function readCategoryAmount(entries: readonly AmountEntry[], category: AmountCategory): Money | null | undefined {
  return category === "planPaid" ? readPlanPaid(entries) : readSingleAmount(entries, codesOf[category]);
}
