import type { CodeableConcept, Money as FhirMoney } from "fhir/r4";

import { hasCode, type Code } from "./adjudication-codes";
import { toMoney, type Money } from "./money";

/** The shape EOB.total and EOB.item.adjudication share. */
export interface AmountEntry {
  category?: CodeableConcept;
  amount?: FhirMoney;
}

/**
 * Reads the amount of one category from a list of totals or adjudications; `codes` are the codes
 * that name the category. Returns undefined when no entry has the category. Returns null when the
 * amount has no value or a malformed currency, or when the category appears more than once,
 * because two amounts for one category leave the right one unknown.
 */
export function readSingleAmount(entries: readonly AmountEntry[], codes: readonly Code[]): Money | null | undefined {
  const matching = entries.filter((entry) => codes.some((code) => hasCode(entry.category, code)));
  if (matching.length === 0) {
    return undefined;
  }
  if (matching.length > 1) {
    return null;
  }
  return toMoney(matching[0]?.amount);
}
