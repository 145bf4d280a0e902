import type { ExplanationOfBenefit } from "fhir/r4";

import { submittedCode } from "./adjudication-codes";
import { computeMemberOwes, type MemberOwes } from "./compute-member-owes";
import type { Money } from "./money";
import { readSingleAmount } from "./read-single-amount";
import { sumLineAmounts, type LinesTotal } from "./sum-line-amounts";

/**
 * The billed amount of a claim. "fromLines" is the lines' submitted amounts added up, for a claim
 * whose header states no "submitted" total, as the claim's totals table shows it. "disagreesWithLines"
 * means the total is less than the lines added up, or in another currency, so neither can be trusted.
 */
export type Billed = { kind: "exact"; amount: Money } | { kind: "fromLines"; amount: Money } | { kind: "unknown" } | { kind: "disagreesWithLines" };

/** The money figures of one claim row, checked against each other. */
export interface ClaimAmounts {
  billed: Billed;
  memberOwes: MemberOwes;
}

const unknown = { kind: "unknown" } as const;

/**
 * Works out the billed amount and the member's share of an EOB. Billed is the header "submitted"
 * total when there is exactly one, it is not negative, and the lines' submitted amounts add up to
 * no more than it. With no header total, it is the lines added up ("fromLines"). Lines may leave their amount out: Synthea gives the encounter line none. A
 * Synthea total often contains only the visit fee while its procedure lines cost more, which is
 * "disagreesWithLines". The member's share becomes unknown when it is more than the billed amount
 * shown, or, when none is shown, more than the lines' submitted amounts added up, or when it is
 * in another currency.
 */
export function computeClaimAmounts(eob: ExplanationOfBenefit): ClaimAmounts {
  const total = readSingleAmount(eob.total ?? [], [submittedCode]);
  const linesTotal = sumLineAmounts(eob.item ?? [], "submitted");
  const billed = billedOf(total, linesTotal);

  const ceiling = billed.kind === "exact" || billed.kind === "fromLines" ? billed.amount : (linesTotal?.amount ?? null);
  return { billed, memberOwes: capMemberOwes(computeMemberOwes(eob), ceiling) };
}

function billedOf(total: Money | null | undefined, linesTotal: LinesTotal | null | undefined): Billed {
  if (total === undefined && linesTotal && linesTotal.amount.minorUnits >= 0) {
    return { kind: "fromLines", amount: linesTotal.amount };
  }
  if (!total || total.minorUnits < 0) {
    return unknown;
  }
  if (linesTotal === undefined) {
    return { kind: "exact", amount: total };
  }
  // A line amount that cannot be read leaves the total unchecked.
  if (linesTotal === null) {
    return unknown;
  }

  // Each amount was rounded to a whole minor unit, half away from zero. Line amounts that add up
  // to at most the total can then overshoot the rounded total by less than (lines + 1) / 2 units.
  const roundingSlack = Math.floor(linesTotal.lineCount / 2);
  const overshoot = linesTotal.amount.minorUnits - total.minorUnits;
  if (linesTotal.amount.currency !== total.currency || overshoot > roundingSlack) {
    return { kind: "disagreesWithLines" };
  }
  return { kind: "exact", amount: total };
}

function capMemberOwes(owes: MemberOwes, ceiling: Money | null): MemberOwes {
  if (owes.kind === "unknown" || ceiling === null) {
    return owes;
  }
  const comparable = owes.amount.currency === ceiling.currency;
  return comparable && owes.amount.minorUnits <= ceiling.minorUnits ? owes : unknown;
}
