import type { CostShare } from "./claim-draft";
import type { PlanBenefits } from "./plan-benefits";

/** The charges of one line as the accumulator needs them, in integer cents. */
export interface LineCharges {
  submitted: number;
  allowed: number;
  costShare: CostShare;
  denied: boolean;
}

/**
 * The adjudicated amounts of one line, in integer cents. They always satisfy:
 * submitted = eligible + discount + noncovered;
 * eligible = deductible + copay + coinsurance + paidToProvider;
 * memberLiability = deductible + copay + coinsurance + noncovered.
 */
export interface LineAmounts {
  submitted: number;
  eligible: number;
  discount: number;
  deductible: number;
  copay: number;
  coinsurance: number;
  noncovered: number;
  memberLiability: number;
  paidToProvider: number;
}

/** Running deductible and out-of-pocket totals of one family, per plan year. */
export interface BenefitAccumulator {
  adjudicate(memberKey: string, planYear: number, line: LineCharges): LineAmounts;
}

interface YearTotals {
  familyDeductible: number;
  familyOutOfPocket: number;
  memberDeductible: Map<string, number>;
  memberOutOfPocket: Map<string, number>;
}

/**
 * Creates an accumulator for one family's plan with an embedded deductible: a member pays at most the
 * individual deductible and out-of-pocket maximum, and the family together at most the family
 * amounts. Deductible, copay and coinsurance count toward the out-of-pocket maximum; denied
 * (non-covered) charges count toward neither limit. Lines must be passed in service order.
 */
export function createBenefitAccumulator(plan: PlanBenefits): BenefitAccumulator {
  const years = new Map<number, YearTotals>();

  const totalsFor = (planYear: number): YearTotals => {
    let totals = years.get(planYear);
    if (!totals) {
      totals = { familyDeductible: 0, familyOutOfPocket: 0, memberDeductible: new Map(), memberOutOfPocket: new Map() };
      years.set(planYear, totals);
    }
    return totals;
  };

  return {
    adjudicate(memberKey, planYear, line) {
      assertLineCharges(line);
      if (line.denied) {
        return { ...zeroAmounts(), submitted: line.submitted, noncovered: line.submitted, memberLiability: line.submitted };
      }

      const totals = totalsFor(planYear);
      const memberDeductible = totals.memberDeductible.get(memberKey) ?? 0;
      const memberOutOfPocket = totals.memberOutOfPocket.get(memberKey) ?? 0;
      const outOfPocketLeft = Math.min(
        plan.outOfPocketMax.individual - memberOutOfPocket,
        plan.outOfPocketMax.family - totals.familyOutOfPocket,
      );
      const deductibleLeft = Math.min(
        plan.deductible.individual - memberDeductible,
        plan.deductible.family - totals.familyDeductible,
      );
      const share = memberShare(line, plan.coinsurancePercent, deductibleLeft, outOfPocketLeft);

      const paidByMember = share.deductible + share.copay + share.coinsurance;
      totals.memberDeductible.set(memberKey, memberDeductible + share.deductible);
      totals.familyDeductible += share.deductible;
      totals.memberOutOfPocket.set(memberKey, memberOutOfPocket + paidByMember);
      totals.familyOutOfPocket += paidByMember;

      return {
        submitted: line.submitted,
        eligible: line.allowed,
        discount: line.submitted - line.allowed,
        ...share,
        noncovered: 0,
        memberLiability: paidByMember,
        paidToProvider: line.allowed - paidByMember,
      };
    },
  };
}

function memberShare(
  line: LineCharges,
  coinsurancePercent: number,
  deductibleLeft: number,
  outOfPocketLeft: number,
): Pick<LineAmounts, "deductible" | "copay" | "coinsurance"> {
  switch (line.costShare.kind) {
    case "none":
      return { deductible: 0, copay: 0, coinsurance: 0 };
    case "copay":
      return { deductible: 0, copay: Math.min(line.costShare.cents, line.allowed, outOfPocketLeft), coinsurance: 0 };
    case "deductible-coinsurance": {
      const deductible = Math.min(line.allowed, deductibleLeft, outOfPocketLeft);
      const coinsurance = Math.min(
        Math.round(((line.allowed - deductible) * coinsurancePercent) / 100),
        outOfPocketLeft - deductible,
      );
      return { deductible, copay: 0, coinsurance };
    }
  }
}

function assertLineCharges(line: LineCharges): void {
  if (!Number.isSafeInteger(line.submitted) || !Number.isSafeInteger(line.allowed) || line.allowed < 0 || line.allowed > line.submitted) {
    throw new RangeError(
      `A claim line needs whole cents with 0 <= allowed <= submitted; it has submitted ${line.submitted}, allowed ${line.allowed}.`,
    );
  }
}

function zeroAmounts(): LineAmounts {
  return { submitted: 0, eligible: 0, discount: 0, deductible: 0, copay: 0, coinsurance: 0, noncovered: 0, memberLiability: 0, paidToProvider: 0 };
}
