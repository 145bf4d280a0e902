import type { Coverage, CoverageCostToBeneficiary, Extension } from "fhir/r4";

import { payer } from "./build-payer-organization";
import { carinProfiles, codeSystems } from "./code-systems";
import { planYearBounds } from "./create-demo-clock";
import { toFhirDate } from "./demo-calendar";
import { demoId } from "./demo-id";
import type { DemoFamily, DemoMember, Relationship } from "./demo-member";
import type { PlanBenefits } from "./plan-benefits";
import { toMoney } from "./to-money";

/**
 * R4 Coverage.costToBeneficiary has no element for "individual or family" or "per plan year", and
 * R5 added unit and term for them. These R5 cross-version extensions carry the two values, so
 * readers can tell the individual deductible from the family one.
 */
export const costUnitExtensionUrl = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.costToBeneficiary.unit";
export const costTermExtensionUrl = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.costToBeneficiary.term";

const relationshipDisplay: Record<Relationship, string> = { self: "Self", spouse: "Spouse", child: "Child" };

/** Returns the id of a member's Coverage for one plan year, e.g. demo-cov-0001-2026. */
export function coverageIdFor(member: DemoMember, planYear: number): string {
  return demoId("cov", member.index, String(planYear));
}

/** Builds one member's Coverage for one calendar plan year. */
export function buildCoverage(member: DemoMember, family: DemoFamily, planYear: number, lastUpdated: string): Coverage {
  const subscriber = family.members[0] ?? member;
  const bounds = planYearBounds(planYear);

  return {
    resourceType: "Coverage",
    id: coverageIdFor(member, planYear),
    meta: { lastUpdated, profile: [carinProfiles.coverage] },
    identifier: [
      {
        type: { coding: [{ system: codeSystems.v2IdentifierType, code: "MB", display: "Member Number" }] },
        system: codeSystems.memberId,
        value: member.memberId,
      },
    ],
    status: "active",
    type: { coding: [{ system: codeSystems.v3ActCode, code: "PPO", display: "preferred provider organization policy" }], text: "PPO" },
    policyHolder: { reference: `Patient/${subscriber.patientId}` },
    subscriber: { reference: `Patient/${subscriber.patientId}` },
    subscriberId: family.subscriberId,
    beneficiary: { reference: `Patient/${member.patientId}` },
    dependent: member.dependentNumber,
    relationship: {
      coding: [{ system: codeSystems.subscriberRelationship, code: member.relationship, display: relationshipDisplay[member.relationship] }],
      text: relationshipDisplay[member.relationship],
    },
    period: { start: toFhirDate(bounds.start), end: toFhirDate(bounds.end) },
    payor: [{ reference: `Organization/${payer.id}`, display: payer.name }],
    class: [
      {
        type: { coding: [{ system: codeSystems.coverageClass, code: "group", display: "Group" }] },
        value: family.group.code,
        name: family.group.name,
      },
      {
        type: { coding: [{ system: codeSystems.coverageClass, code: "plan", display: "Plan" }] },
        value: family.plan.code,
        name: family.plan.name,
      },
    ],
    network: "Lakeview PPO Network",
    costToBeneficiary: costsOf(family.plan),
  };
}

function costsOf(plan: PlanBenefits): CoverageCostToBeneficiary[] {
  return [
    annualLimit("deductible", "Deductible", "individual", plan.deductible.individual),
    annualLimit("deductible", "Deductible", "family", plan.deductible.family),
    annualLimit("maxoutofpocket", "Maximum out of pocket", "individual", plan.outOfPocketMax.individual),
    annualLimit("maxoutofpocket", "Maximum out of pocket", "family", plan.outOfPocketMax.family),
    copay("gpvisit", "GP Office Visit", plan.copay.primaryCare),
    copay("spvisit", "Specialist Office Visit", plan.copay.specialist),
    copay("emergency", "Emergency", plan.copay.emergency),
    {
      type: { coding: [{ system: codeSystems.coverageCopayType, code: "copaypct", display: "Copay Percentage" }], text: "Coinsurance after deductible" },
      valueQuantity: { value: plan.coinsurancePercent, unit: "%", system: codeSystems.ucum, code: "%" },
    },
    // coverage-copay-type has no pharmacy codes, so these two carry text only.
    { type: { text: "Generic drug copay, 30-day supply" }, valueMoney: toMoney(plan.copay.genericDrug) },
    { type: { text: "Brand drug copay, 30-day supply" }, valueMoney: toMoney(plan.copay.brandDrug) },
  ];
}

function annualLimit(code: string, display: string, unit: "individual" | "family", cents: number): CoverageCostToBeneficiary {
  const extension: Extension[] = [
    { url: costUnitExtensionUrl, valueCodeableConcept: { coding: [{ system: codeSystems.benefitUnit, code: unit, display: unit === "individual" ? "Individual" : "Family" }] } },
    { url: costTermExtensionUrl, valueCodeableConcept: { coding: [{ system: codeSystems.benefitTerm, code: "annual", display: "Annual" }] } },
  ];
  return {
    extension,
    type: { coding: [{ system: codeSystems.coverageCopayType, code, display }], text: `${display} (${unit}, in network, per plan year)` },
    valueMoney: toMoney(cents),
  };
}

function copay(code: string, display: string, cents: number): CoverageCostToBeneficiary {
  return { type: { coding: [{ system: codeSystems.coverageCopayType, code, display }], text: `${display} copay` }, valueMoney: toMoney(cents) };
}
