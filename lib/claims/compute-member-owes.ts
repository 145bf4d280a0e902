import type { ExplanationOfBenefit } from "fhir/r4";

import { memberCostShareParts, memberLiabilityCode, noncoveredCode } from "./adjudication-codes";
import { sumMoney, type Money } from "./money";
import { readSingleAmount, type AmountEntry } from "./read-single-amount";

/**
 * The member's share of a claim. "atLeast" means some lines state the member's share and
 * others state nothing, so the true amount is this or more.
 */
export type MemberOwes =
  | { kind: "exact"; amount: Money }
  | { kind: "atLeast"; amount: Money }
  | { kind: "unknown" };

const unknown: MemberOwes = { kind: "unknown" };

/**
 * Works out the member's share of an EOB from what the EOB states, in this order:
 * 1. the header total "memberliability" (CARIN BB), unless the header's deductible, copay,
 *    coinsurance and noncovered totals add up to more than it, which leaves the share unknown;
 * 2. the header totals for deductible, copay and coinsurance, added up;
 * 3. the same two rules on each line's adjudication, added up over the lines. When some lines
 *    state nothing (Synthea leaves the encounter line unadjudicated) the sum is only a floor.
 * Amounts in different currencies are not added. Nothing is derived from billed or paid amounts,
 * because contractual discounts make their difference something other than the member's share.
 * A share below zero is invalid data and comes back as unknown. Single lines may be negative,
 * because CARIN BB reverses a line with a negative copy of it.
 */
export function computeMemberOwes(eob: ExplanationOfBenefit): MemberOwes {
  const owes = memberShareOfClaim(eob);
  return owes.kind !== "unknown" && owes.amount.minorUnits < 0 ? unknown : owes;
}

function memberShareOfClaim(eob: ExplanationOfBenefit): MemberOwes {
  const totals = eob.total ?? [];
  const fromHeader = memberShareOf(totals);
  if (fromHeader === undefined) {
    return memberShareOfLines(eob.item ?? []);
  }
  if (fromHeader === null || liabilityBelowParts(totals)) {
    return unknown;
  }
  return { kind: "exact", amount: fromHeader };
}

/**
 * Tells whether the header states a memberliability that is less than its own deductible, copay,
 * coinsurance and noncovered totals added up, such as a liability of 0 next to a copay of 120.
 * Neither figure can then be trusted. Parts that cannot be read or mix currencies leave the
 * liability unchecked.
 */
function liabilityBelowParts(totals: AmountEntry[]): boolean {
  const liability = readSingleAmount(totals, [memberLiabilityCode]);
  if (!liability) {
    return false;
  }

  const parts = [...memberCostShareParts, [noncoveredCode]].map((codes) => readSingleAmount(totals, codes)).filter((part) => part !== undefined);
  if (parts.length === 0 || parts.some((part) => part === null)) {
    return false;
  }
  const sum = sumMoney(parts.filter((part): part is Money => part !== null));
  return sum !== null && sum.currency === liability.currency && sum.minorUnits > liability.minorUnits;
}

function memberShareOfLines(items: NonNullable<ExplanationOfBenefit["item"]>): MemberOwes {
  const shares: Money[] = [];
  let linesWithoutShare = 0;
  for (const item of items) {
    const share = memberShareOf(item.adjudication ?? []);
    if (share === null) {
      return unknown;
    }
    if (share === undefined) {
      linesWithoutShare += 1;
    } else {
      shares.push(share);
    }
  }

  const total = sumMoney(shares);
  if (!total) {
    return unknown;
  }
  if (linesWithoutShare === 0) {
    return { kind: "exact", amount: total };
  }
  // A floor of zero gives the member no information, so it is shown as unknown.
  return total.minorUnits > 0 ? { kind: "atLeast", amount: total } : unknown;
}

/**
 * Reads the member's share from one list of totals or adjudications. Returns undefined when the
 * list states none, and null when what it states cannot be read: an amount without a value, a bad
 * or mixed currency, or a memberliability, deductible, copay or coinsurance entry given twice.
 */
function memberShareOf(entries: AmountEntry[]): Money | null | undefined {
  const liability = readSingleAmount(entries, [memberLiabilityCode]);
  if (liability !== undefined) {
    return liability;
  }

  const parts = memberCostShareParts.map((codes) => readSingleAmount(entries, codes)).filter((part) => part !== undefined);
  if (parts.length === 0) {
    return undefined;
  }
  const readable = parts.filter((part): part is Money => part !== null);
  return readable.length === parts.length ? sumMoney(readable) : null;
}
