import type { ExplanationOfBenefit } from "fhir/r4";

import { memberCostShareParts, memberLiabilityCode, noncoveredCode } from "../claims/adjudication-codes";
import { sumMoney, type Money } from "../claims/money";
import { readSingleAmount, type AmountEntry } from "../claims/read-single-amount";
import { readNetworkStatus, type NetworkStatus } from "./read-network-status";

/** The amounts one claim adds to the member's deductible and out-of-pocket totals. */
export interface ClaimCostShare {
  /** The part of the member's share applied to the deductible. */
  deductible: Money;
  /** Deductible, copay and coinsurance: the amounts that count toward the out-of-pocket maximum. */
  outOfPocket: Money;
  network: NetworkStatus;
}

const [deductibleCodes = [], copayCodes = [], coinsuranceCodes = []] = memberCostShareParts;

/**
 * Reads a claim's deductible and out-of-pocket amounts: from the header totals when they state a
 * deductible, copay or coinsurance, else from the lines added up, else from the header
 * memberliability less its noncovered part. Non-covered charges count toward neither limit, as
 * plans apply them. Returns null when the claim states none of these, when an amount cannot be
 * read, or when amounts mix currencies.
 */
export function readClaimCostShare(eob: ExplanationOfBenefit): ClaimCostShare | null {
  const network = readNetworkStatus(eob);

  const fromHeader = readParts(eob.total ?? []);
  if (fromHeader !== undefined) {
    return fromHeader && { ...fromHeader, network };
  }

  const fromLines = readLines(eob.item ?? []);
  if (fromLines !== undefined) {
    return fromLines && { ...fromLines, network };
  }

  const fromLiability = readLiabilityLessNoncovered(eob.total ?? []);
  return fromLiability && { deductible: { minorUnits: 0, currency: fromLiability.currency }, outOfPocket: fromLiability, network };
}

type Parts = Omit<ClaimCostShare, "network">;

/** Returns undefined when the entries state no part, and null when a stated part is unreadable. */
function readParts(entries: readonly AmountEntry[]): Parts | null | undefined {
  const deductible = readSingleAmount(entries, deductibleCodes);
  const copay = readSingleAmount(entries, copayCodes);
  const coinsurance = readSingleAmount(entries, coinsuranceCodes);
  const stated = [deductible, copay, coinsurance].filter((part) => part !== undefined);
  if (stated.length === 0) {
    return undefined;
  }
  if (stated.some((part) => part === null)) {
    return null;
  }

  const outOfPocket = sumMoney(stated.filter((part): part is Money => part !== null));
  if (!outOfPocket) {
    return null;
  }
  return { deductible: deductible ?? { minorUnits: 0, currency: outOfPocket.currency }, outOfPocket };
}

function readLines(items: NonNullable<ExplanationOfBenefit["item"]>): Parts | null | undefined {
  const lines: Parts[] = [];
  for (const item of items) {
    const parts = readParts(item.adjudication ?? []);
    if (parts === null) {
      return null;
    }
    if (parts !== undefined) {
      lines.push(parts);
    }
  }
  if (lines.length === 0) {
    return undefined;
  }

  const deductible = sumMoney(lines.map((line) => line.deductible));
  const outOfPocket = sumMoney(lines.map((line) => line.outOfPocket));
  return deductible && outOfPocket && deductible.currency === outOfPocket.currency ? { deductible, outOfPocket } : null;
}

/**
 * CARIN defines memberliability as deductible, copay, coinsurance and noncovered together, so the
 * out-of-pocket part is the liability less the noncovered amount.
 * NOTE: such a claim states no deductible, so it adds nothing to the deductible total even when
 * part of the liability was deductible.
 */
function readLiabilityLessNoncovered(totals: readonly AmountEntry[]): Money | null {
  const liability = readSingleAmount(totals, [memberLiabilityCode]);
  const noncovered = readSingleAmount(totals, [noncoveredCode]);
  if (!liability || noncovered === null) {
    return null;
  }
  if (!noncovered) {
    return liability;
  }
  return noncovered.currency === liability.currency ? { minorUnits: liability.minorUnits - noncovered.minorUnits, currency: liability.currency } : null;
}
