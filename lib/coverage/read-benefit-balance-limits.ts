import type { ExplanationOfBenefit, ExplanationOfBenefitBenefitBalance } from "fhir/r4";

import { hasCode } from "../claims/adjudication-codes";
import { toMoney, type Money } from "../claims/money";
import { hasAnyLimit, type PlanLimits } from "./plan-limits";

const benefitTypeSystem = "http://terminology.hl7.org/CodeSystem/benefit-type";
const benefitUnitSystem = "http://terminology.hl7.org/CodeSystem/benefit-unit";
const benefitNetworkSystem = "http://terminology.hl7.org/CodeSystem/benefit-network";
const benefitTermSystem = "http://terminology.hl7.org/CodeSystem/benefit-term";

/**
 * Reads the annual deductible limits from an EOB's benefitBalance: financial entries of
 * benefit-type "deductible" with an allowedMoney, split by benefit-unit. Balances for out-of-network
 * care or with a term other than annual are skipped. Returns null when none is stated.
 * NOTE: the R4 benefit-type code system has no code for an out-of-pocket maximum, so that limit
 * never comes from here.
 */
export function readBenefitBalanceLimits(eob: ExplanationOfBenefit): PlanLimits | null {
  const balances = (eob.benefitBalance ?? []).filter(
    (balance) => !hasCode(balance.network, { system: benefitNetworkSystem, code: "out" }) && isAnnual(balance),
  );
  const deductibleOf = (unit: string): Money | null => {
    const matching = balances.filter((balance) => hasCode(balance.unit, { system: benefitUnitSystem, code: unit }));
    const amounts = matching.flatMap((balance) =>
      (balance.financial ?? [])
        .filter((financial) => hasCode(financial.type, { system: benefitTypeSystem, code: "deductible" }) && financial.allowedMoney)
        .map((financial) => toMoney(financial.allowedMoney)),
    );
    const [only, second] = amounts;
    return only && second === undefined ? only : null;
  };

  const limits: PlanLimits = {
    deductible: { individual: deductibleOf("individual"), family: deductibleOf("family") },
    outOfPocketMax: { individual: null, family: null },
    network: balances.some((balance) => hasCode(balance.network, { system: benefitNetworkSystem, code: "in" })) ? "in" : "unspecified",
    source: "claim",
  };
  return hasAnyLimit(limits) ? limits : null;
}

function isAnnual(balance: ExplanationOfBenefitBenefitBalance): boolean {
  return balance.term === undefined || hasCode(balance.term, { system: benefitTermSystem, code: "annual" });
}
