import type { ClaimCostShare } from "./read-claim-cost-share";

/** Deductible and out-of-pocket amounts added up, in whole minor units of one currency. */
export interface SpendingTotals {
  deductible: number;
  outOfPocket: number;
}

/** A group of claims' cost sharing added up, split by the network level each claim was paid at. */
export interface NetworkSpending {
  currency: string;
  inNetwork: SpendingTotals;
  outOfNetwork: SpendingTotals;
  /** Claims that do not state a network level. */
  unknownNetwork: SpendingTotals;
  /** Claims added in. */
  claimCount: number;
  /** Claims left out because their amounts cannot be read or are in another currency. */
  unreadableCount: number;
}

/** Returns empty totals in one currency. */
export function emptySpending(currency: string): NetworkSpending {
  const zero = (): SpendingTotals => ({ deductible: 0, outOfPocket: 0 });
  return { currency, inNetwork: zero(), outOfNetwork: zero(), unknownNetwork: zero(), claimCount: 0, unreadableCount: 0 };
}

/**
 * Adds claims' cost shares into totals of `currency`. A null share (unreadable claim) and a share
 * in another currency are counted as unreadable and add nothing.
 */
export function sumCostShares(shares: readonly (ClaimCostShare | null)[], currency: string): NetworkSpending {
  const spending = emptySpending(currency);
  for (const share of shares) {
    if (!share || share.deductible.currency !== currency || share.outOfPocket.currency !== currency) {
      spending.unreadableCount += 1;
      continue;
    }
    const bucket = bucketOf(spending, share.network);
    bucket.deductible += share.deductible.minorUnits;
    bucket.outOfPocket += share.outOfPocket.minorUnits;
    spending.claimCount += 1;
  }
  return spending;
}

function bucketOf(spending: NetworkSpending, network: ClaimCostShare["network"]): SpendingTotals {
  switch (network) {
    case "in":
      return spending.inNetwork;
    case "out":
      return spending.outOfNetwork;
    case "unknown":
      return spending.unknownNetwork;
  }
}

/** Adds two groups' totals of the same currency. */
export function addSpending(left: NetworkSpending, right: NetworkSpending): NetworkSpending {
  const add = (a: SpendingTotals, b: SpendingTotals): SpendingTotals => ({ deductible: a.deductible + b.deductible, outOfPocket: a.outOfPocket + b.outOfPocket });
  return {
    currency: left.currency,
    inNetwork: add(left.inNetwork, right.inNetwork),
    outOfNetwork: add(left.outOfNetwork, right.outOfNetwork),
    unknownNetwork: add(left.unknownNetwork, right.unknownNetwork),
    claimCount: left.claimCount + right.claimCount,
    unreadableCount: left.unreadableCount + right.unreadableCount,
  };
}
