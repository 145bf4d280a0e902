import type { ExplanationOfBenefit } from "fhir/r4";

import { computeClaimTotal } from "./compute-claim-totals";
import { toMoney, type Money } from "./money";

/**
 * Computes what the plan paid on a claim: the EOB's plan-paid total (or its lines added up when
 * it has none), else payment.amount. Returns null when neither is stated, when the total disagrees
 * with its lines, or when the amount is negative.
 */
export function computePlanPaid(eob: ExplanationOfBenefit): Money | null {
  const total = computeClaimTotal(eob, "planPaid");
  let paid: Money | null = null;
  if (total === null) {
    paid = toMoney(eob.payment?.amount);
  } else if (total.kind === "stated" || total.kind === "fromLines") {
    paid = total.amount;
  }
  return paid && paid.minorUnits >= 0 ? paid : null;
}
