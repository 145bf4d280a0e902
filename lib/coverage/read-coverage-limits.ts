import type { Coverage, CoverageCostToBeneficiary } from "fhir/r4";

import { hasCode } from "../claims/adjudication-codes";
import { toMoney, type Money } from "../claims/money";
import { hasAnyLimit, type LimitPair, type PlanLimits } from "./plan-limits";

const copayTypeSystem = "http://terminology.hl7.org/CodeSystem/coverage-copay-type";
const benefitUnitSystem = "http://terminology.hl7.org/CodeSystem/benefit-unit";

/**
 * R5 cross-version extensions on Coverage.costToBeneficiary, because R4 has no element for
 * "individual or family" or for the term of a limit.
 */
export const costUnitExtensionUrl = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.costToBeneficiary.unit";

/**
 * Reads the deductible and out-of-pocket maximum from Coverage.costToBeneficiary (coverage-copay-type
 * "deductible" and "maxoutofpocket"). The R5 unit extension marks each as individual or family. An
 * entry without it is taken as the individual limit when it is the only entry of its type,
 * because a plan that states one amount states the member's own. Returns null when the Coverage
 * states no limit.
 * NOTE: R4 costToBeneficiary has no network element, so the limits are read as in-network ones,
 * which is the amount plans publish as their deductible.
 */
export function readCoverageLimits(coverage: Coverage): PlanLimits | null {
  const costs = coverage.costToBeneficiary ?? [];
  const limits: PlanLimits = {
    deductible: pairOf(costs, "deductible"),
    outOfPocketMax: pairOf(costs, "maxoutofpocket"),
    network: "in",
    source: "coverage",
  };
  return hasAnyLimit(limits) ? limits : null;
}

function pairOf(costs: readonly CoverageCostToBeneficiary[], code: string): LimitPair {
  const entries = costs.filter((cost) => hasCode(cost.type, { system: copayTypeSystem, code }));
  const withUnit = (unit: string): Money | null => {
    const [entry, second] = entries.filter((cost) => unitOf(cost) === unit);
    return entry && !second ? toMoney(entry.valueMoney) : null;
  };

  const [only] = entries;
  if (entries.length === 1 && only && unitOf(only) === undefined) {
    return { individual: toMoney(only.valueMoney), family: null };
  }
  return { individual: withUnit("individual"), family: withUnit("family") };
}

function unitOf(cost: CoverageCostToBeneficiary): string | undefined {
  const extension = cost.extension?.find((candidate) => candidate.url === costUnitExtensionUrl);
  return extension?.valueCodeableConcept?.coding?.find((coding) => coding.system === benefitUnitSystem)?.code;
}
