import type { ClaimDetail, MemberShareParts } from "@/lib/claims/claim-detail";
import { sumMoney, type Money } from "@/lib/claims/money";

import { formatMoney } from "../format-money";
import { claimsStrings } from "./strings";

/** The headline amount and the plain-language sentences that explain it. */
export interface OwedExplanation {
  headline: string;
  sentences: string[];
  /** The parts of the share that are named, for the glossary below the explanation. */
  namedParts: (keyof MemberShareParts)[];
}

const partOrder = ["deductible", "copay", "coinsurance", "noncovered"] as const;

/**
 * Explains what the member owes on a claim and why: the amount, the parts of their share that
 * the claim states (deductible, copay, coinsurance, not covered) and what the plan paid. It never
 * derives the share from billed minus paid, because contractual discounts are not the member's.
 */
export function explainMemberOwes(claim: ClaimDetail): OwedExplanation {
  const format = (money: Money): string => formatMoney(money, claimsStrings.locale);
  const owes = claim.memberOwes;

  if (claim.canceled) {
    return { headline: claimsStrings.owedUnknown, sentences: [claimsStrings.owedCanceled], namedParts: [] };
  }
  if (owes.kind === "unknown") {
    return { headline: claimsStrings.owedUnknown, sentences: [claimsStrings.owedUnknownBody, ...planPaidSentence(claim, format)], namedParts: [] };
  }

  const parts = partOrder.filter((part) => (claim.shareParts[part]?.minorUnits ?? 0) > 0);
  const sentences: string[] = [];
  if (owes.amount.minorUnits === 0 && owes.kind === "exact") {
    sentences.push(claimsStrings.owedNothing);
  } else if (parts.length > 0) {
    sentences.push(claimsStrings.owedParts(new Intl.ListFormat(claimsStrings.locale, { type: "conjunction" }).format(parts.map((part) => partText(claim, part, format)))));
    if (!partsAddUpTo(claim.shareParts, parts, owes.amount) && owes.kind === "exact") {
      sentences.push(claimsStrings.owedPartsDiffer);
    }
  } else {
    sentences.push(claimsStrings.owedAsListed);
  }
  if (owes.kind === "atLeast") {
    sentences.push(claimsStrings.owedFloor);
  }
  sentences.push(...planPaidSentence(claim, format));

  const headline = owes.kind === "atLeast" ? claimsStrings.owedAtLeast(format(owes.amount)) : claimsStrings.owedAmount(format(owes.amount));
  return { headline, sentences, namedParts: parts };
}

function partText(claim: ClaimDetail, part: (typeof partOrder)[number], format: (money: Money) => string): string {
  const amount = claim.shareParts[part];
  return amount ? claimsStrings.sharePart[part](format(amount)) : "";
}

function partsAddUpTo(shareParts: MemberShareParts, parts: readonly (keyof MemberShareParts)[], owed: Money): boolean {
  const sum = sumMoney(parts.map((part) => shareParts[part]).filter((amount): amount is Money => amount !== null));
  return sum !== null && sum.currency === owed.currency && sum.minorUnits === owed.minorUnits;
}

function planPaidSentence(claim: ClaimDetail, format: (money: Money) => string): string[] {
  if (!claim.planPaid) {
    return [];
  }
  if (claim.billed.kind === "exact" && claim.billed.amount.currency === claim.planPaid.currency) {
    return [claimsStrings.planPaidOfBilled(format(claim.planPaid), format(claim.billed.amount))];
  }
  return [claimsStrings.planPaidOnly(format(claim.planPaid))];
}
