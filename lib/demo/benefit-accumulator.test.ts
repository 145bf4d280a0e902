import { describe, expect, it } from "vitest";

import type { LineAmounts, LineCharges } from "./benefit-accumulator";
import { createBenefitAccumulator } from "./benefit-accumulator";
import type { PlanBenefits } from "./plan-benefits";

const plan = {
  code: "TEST",
  name: "Test PPO",
  deductible: { individual: 50_000, family: 80_000 },
  outOfPocketMax: { individual: 100_000, family: 150_000 },
  copay: { primaryCare: 2_500, specialist: 5_000, emergency: 25_000, genericDrug: 1_000, brandDrug: 4_000 },
  coinsurancePercent: 20,
} satisfies PlanBenefits;

const afterDeductible = (submitted: number, allowed: number): LineCharges => ({
  submitted,
  allowed,
  costShare: { kind: "deductible-coinsurance" },
  denied: false,
});

const amounts = (partial: Partial<LineAmounts>): LineAmounts => ({
  submitted: 0, eligible: 0, discount: 0, deductible: 0, copay: 0, coinsurance: 0, noncovered: 0, memberLiability: 0, paidToProvider: 0,
  ...partial,
});

describe("createBenefitAccumulator", () => {
  it("applies the deductible, then coinsurance on the rest", () => {
    const accumulator = createBenefitAccumulator(plan);

    const line = accumulator.adjudicate("a", 2026, afterDeductible(100_000, 60_000));

    expect(line).toEqual(amounts({
      submitted: 100_000, eligible: 60_000, discount: 40_000, deductible: 50_000, coinsurance: 2_000, memberLiability: 52_000, paidToProvider: 8_000,
    }));
  });

  it("stops the deductible once met", () => {
    const accumulator = createBenefitAccumulator(plan);
    accumulator.adjudicate("a", 2026, afterDeductible(60_000, 50_000));

    const line = accumulator.adjudicate("a", 2026, afterDeductible(10_000, 10_000));

    expect(line.deductible).toBe(0);
    expect(line.coinsurance).toBe(2_000);
  });

  it("restarts the deductible in a new plan year", () => {
    const accumulator = createBenefitAccumulator(plan);
    accumulator.adjudicate("a", 2025, afterDeductible(60_000, 50_000));

    const line = accumulator.adjudicate("a", 2026, afterDeductible(10_000, 10_000));

    expect(line.deductible).toBe(10_000);
  });

  it("caps the family deductible across members", () => {
    const accumulator = createBenefitAccumulator(plan);
    accumulator.adjudicate("a", 2026, afterDeductible(50_000, 50_000));

    const second = accumulator.adjudicate("b", 2026, afterDeductible(50_000, 50_000));

    expect(second.deductible).toBe(30_000);
  });

  it("caps a copay at the allowed amount", () => {
    const accumulator = createBenefitAccumulator(plan);

    const line = accumulator.adjudicate("a", 2026, { submitted: 1_500, allowed: 600, costShare: { kind: "copay", cents: 1_000 }, denied: false });

    expect(line).toEqual(amounts({ submitted: 1_500, eligible: 600, discount: 900, copay: 600, memberLiability: 600 }));
  });

  it("stops member cost sharing at the out-of-pocket maximum", () => {
    const accumulator = createBenefitAccumulator(plan);
    accumulator.adjudicate("a", 2026, afterDeductible(400_000, 300_000));

    const line = accumulator.adjudicate("a", 2026, afterDeductible(50_000, 40_000));

    expect(line.memberLiability).toBe(0);
    expect(line.paidToProvider).toBe(40_000);
  });

  it("reaches the out-of-pocket maximum exactly", () => {
    const accumulator = createBenefitAccumulator(plan);

    const first = accumulator.adjudicate("a", 2026, afterDeductible(300_000, 280_000));
    const second = accumulator.adjudicate("a", 2026, afterDeductible(300_000, 280_000));

    expect(first.memberLiability + second.memberLiability).toBe(plan.outOfPocketMax.individual);
  });

  it("bills a denied line wholly to the member without counting it", () => {
    const accumulator = createBenefitAccumulator(plan);

    const denied = accumulator.adjudicate("a", 2026, { submitted: 9_500, allowed: 0, costShare: { kind: "none" }, denied: true });
    const next = accumulator.adjudicate("a", 2026, afterDeductible(10_000, 10_000));

    expect(denied).toEqual(amounts({ submitted: 9_500, noncovered: 9_500, memberLiability: 9_500 }));
    expect(next.deductible).toBe(10_000);
  });

  it("rejects allowed above submitted", () => {
    const accumulator = createBenefitAccumulator(plan);

    expect(() => accumulator.adjudicate("a", 2026, afterDeductible(1_000, 2_000))).toThrow(/allowed <= submitted/);
  });
});
