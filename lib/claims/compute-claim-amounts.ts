import type { ExplanationOfBenefit } from "fhir/r4";

import { lineSubmittedCodes, submittedCode } from "./adjudication-codes";
import { computeMemberOwes, type MemberOwes } from "./compute-member-owes";
import { sumMoney, type Money } from "./money";
import { readSingleAmount } from "./read-single-amount";

/**
 * The billed amount of a claim. "disagreesWithLines" means the "submitted" total is less than the
 * lines' submitted amounts added up, or in another currency, so neither figure can be trusted.
 */
export type Billed = { kind: "exact"; amount: Money } | { kind: "unknown" } | { kind: "disagreesWithLines" };

/** The money figures of one claim row, checked against each other. */
export interface ClaimAmounts {
  billed: Billed;
  memberOwes: MemberOwes;
}

/** The lines' submitted amounts added up, and how many lines state one. */
interface LinesTotal {
  amount: Money;
  lineCount: number;
}

const unknown = { kind: "unknown" } as const;

/**
 * Works out the billed amount and the member's share of an EOB. Billed is the header "submitted"
 * total when there is exactly one, it is not negative, and the lines' submitted amounts add up to
 * no more than it. Lines may leave their amount out: Synthea gives the encounter line none. A
 * Synthea total often contains only the visit fee while its procedure lines cost more, which is
 * "disagreesWithLines". The member's share becomes unknown when it is more than the billed amount
 * shown, or, when none is shown, more than the lines' submitted amounts added up, or when it is
 * in another currency.
 */
export function computeClaimAmounts(eob: ExplanationOfBenefit): ClaimAmounts {
  const total = readSingleAmount(eob.total ?? [], [submittedCode]);
  const linesTotal = sumLineSubmitted(eob.item ?? []);
  const billed = billedOf(total, linesTotal);

  const ceiling = billed.kind === "exact" ? billed.amount : (linesTotal?.amount ?? null);
  return { billed, memberOwes: capMemberOwes(computeMemberOwes(eob), ceiling) };
}

function billedOf(total: Money | null | undefined, linesTotal: LinesTotal | null | undefined): Billed {
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

/**
 * Adds up the lines' submitted amounts. Returns undefined when no line states one, and null when a
 * line's amount cannot be read or the lines mix currencies. Negative line amounts are kept,
 * because CARIN BB reverses a line with a negative copy of it.
 */
function sumLineSubmitted(items: NonNullable<ExplanationOfBenefit["item"]>): LinesTotal | null | undefined {
  const amounts: Money[] = [];
  for (const item of items) {
    const amount = readSingleAmount(item.adjudication ?? [], lineSubmittedCodes);
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

function capMemberOwes(owes: MemberOwes, ceiling: Money | null): MemberOwes {
  if (owes.kind === "unknown" || ceiling === null) {
    return owes;
  }
  const comparable = owes.amount.currency === ceiling.currency;
  return comparable && owes.amount.minorUnits <= ceiling.minorUnits ? owes : unknown;
}
