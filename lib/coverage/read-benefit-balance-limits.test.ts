import type { ExplanationOfBenefit, ExplanationOfBenefitBenefitBalance } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { readBenefitBalanceLimits } from "./read-benefit-balance-limits";

const concept = (system: string, code: string): { coding: { system: string; code: string }[] } => ({ coding: [{ system, code }] });
const medical = concept("http://terminology.hl7.org/CodeSystem/ex-benefitcategory", "1");
const deductibleType = concept("http://terminology.hl7.org/CodeSystem/benefit-type", "deductible");
const network = (code: string): ReturnType<typeof concept> => concept("http://terminology.hl7.org/CodeSystem/benefit-network", code);
const unit = (code: string): ReturnType<typeof concept> => concept("http://terminology.hl7.org/CodeSystem/benefit-unit", code);
const annual = concept("http://terminology.hl7.org/CodeSystem/benefit-term", "annual");

function balance(networkCode: string, unitCode: string, allowed: number, used: number): ExplanationOfBenefitBenefitBalance {
  return {
    category: medical,
    network: network(networkCode),
    unit: unit(unitCode),
    term: annual,
    financial: [{ type: deductibleType, allowedMoney: { value: allowed, currency: "USD" }, usedMoney: { value: used, currency: "USD" } }],
  };
}

function eobWith(benefitBalance: ExplanationOfBenefitBenefitBalance[]): ExplanationOfBenefit {
  return {
    resourceType: "ExplanationOfBenefit",
    status: "active",
    type: concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"),
    use: "claim",
    patient: { reference: "Patient/p-1" },
    created: "2026-03-10",
    insurer: { display: "Plan" },
    provider: { display: "Clinic" },
    outcome: "complete",
    insurance: [{ focal: true, coverage: { reference: "Coverage/c-1" } }],
    benefitBalance,
  } satisfies ExplanationOfBenefit;
}

describe("readBenefitBalanceLimits", () => {
  it("reads in-network deductibles by unit", () => {
    const eob = eobWith([balance("in", "individual", 1500, 200), balance("in", "family", 3000, 450), balance("out", "individual", 5000, 0)]);

    expect(readBenefitBalanceLimits(eob)).toEqual({
      deductible: { individual: { minorUnits: 150_000, currency: "USD" }, family: { minorUnits: 300_000, currency: "USD" } },
      outOfPocketMax: { individual: null, family: null },
      network: "in",
      source: "claim",
    });
  });

  it("skips out-of-network and lifetime balances", () => {
    const lifetime = { ...balance("in", "individual", 1500, 0), term: concept("http://terminology.hl7.org/CodeSystem/benefit-term", "lifetime") };

    expect(readBenefitBalanceLimits(eobWith([balance("out", "individual", 5000, 0), lifetime]))).toBeNull();
  });

  it("returns null without benefit balances", () => {
    expect(readBenefitBalanceLimits(eobWith([]))).toBeNull();
  });
});
