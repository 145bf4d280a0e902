import type { Coverage } from "fhir/r4";

import { hasCode } from "../claims/adjudication-codes";
import { toMoney } from "../claims/money";
import { parseFhirDate } from "../claims/parse-fhir-date";
import { isReferenceTo, toReferenceTarget } from "../claims/reference-target";
import type { PlanSummary } from "../claims/to-plan-summary";
import type { CardCost, CoverageDetails, PlanMember } from "./coverage-details";

const coverageClassSystem = "http://terminology.hl7.org/CodeSystem/coverage-class";
const copayTypeSystem = "http://terminology.hl7.org/CodeSystem/coverage-copay-type";
const relationshipSystem = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
const identifierTypeSystem = "http://terminology.hl7.org/CodeSystem/v2-0203";

/** coverage-copay-type codes of limits, which the accumulators show rather than the card. */
const limitCodes = new Set(["deductible", "maxoutofpocket"]);

/** Inputs of {@link toCoverageDetails}: the Coverage, the family's Coverage and names read by the caller. */
export interface CoverageDetailsInputs {
  patientId: string;
  coverage: Coverage;
  familyCoverages: readonly Coverage[];
  plan: PlanSummary;
  /** Patient names by id, for the family list. */
  patientNames: ReadonlyMap<string, string>;
}

/** Maps the member's Coverage, and the family's, to the coverage page's view model. */
export function toCoverageDetails(inputs: CoverageDetailsInputs): CoverageDetails {
  const { coverage } = inputs;
  const group = (coverage.class ?? []).find((entry) => hasCode(entry.type, { system: coverageClassSystem, code: "group" }));

  return {
    planName: inputs.plan.planName,
    payerName: inputs.plan.payerName,
    groupName: group?.name?.trim() || null,
    groupNumber: group?.value.trim() || null,
    network: coverage.network?.trim() || null,
    status: coverage.status,
    periodStart: parseFhirDate(coverage.period?.start),
    periodEnd: parseFhirDate(coverage.period?.end),
    memberId: memberIdOf(coverage),
    subscriberId: coverage.subscriberId?.trim() || null,
    relationship: relationshipOf(coverage),
    members: membersOf(inputs),
    cardCosts: (coverage.costToBeneficiary ?? []).filter((cost) => !limitCodes.has(copayCodeOf(cost.type) ?? "")).map((cost) => toCardCost(cost)),
  };
}

function memberIdOf(coverage: Coverage): string | null {
  const memberNumber = (coverage.identifier ?? []).find((identifier) => hasCode(identifier.type, { system: identifierTypeSystem, code: "MB" }));
  if (memberNumber?.value?.trim()) {
    return memberNumber.value.trim();
  }
  const subscriberId = coverage.subscriberId?.trim();
  if (!subscriberId) {
    return null;
  }
  return coverage.dependent ? `${subscriberId}-${coverage.dependent}` : subscriberId;
}

function relationshipOf(coverage: Coverage): string | null {
  return coverage.relationship?.coding?.find((coding) => coding.system === relationshipSystem)?.code ?? null;
}

function membersOf(inputs: CoverageDetailsInputs): PlanMember[] {
  const subscriber = toReferenceTarget(inputs.coverage.subscriber);
  const members = new Map<string, PlanMember>();
  for (const coverage of inputs.familyCoverages) {
    const beneficiary = toReferenceTarget(coverage.beneficiary);
    if (beneficiary?.resourceType !== "Patient" || members.has(beneficiary.id)) {
      continue;
    }
    members.set(beneficiary.id, {
      name: inputs.patientNames.get(beneficiary.id) ?? null,
      relationship: relationshipOf(coverage),
      isYou: beneficiary.id === inputs.patientId,
      isSubscriber: subscriber?.resourceType === "Patient" && isReferenceTo(coverage.beneficiary, "Patient", subscriber.id),
    });
  }
  return [...members.values()].sort((left, right) => Number(right.isSubscriber) - Number(left.isSubscriber));
}

function copayCodeOf(type: Coverage["type"]): string | null {
  return type?.coding?.find((coding) => coding.system === copayTypeSystem)?.code ?? null;
}

function toCardCost(cost: NonNullable<Coverage["costToBeneficiary"]>[number]): CardCost {
  const percent = cost.valueQuantity?.unit === "%" || cost.valueQuantity?.code === "%" ? (cost.valueQuantity.value ?? null) : null;
  return {
    code: copayCodeOf(cost.type),
    text: cost.type?.text?.trim() || null,
    amount: toMoney(cost.valueMoney),
    percent,
  };
}
