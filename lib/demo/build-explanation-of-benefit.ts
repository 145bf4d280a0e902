import type {
  CodeableConcept,
  ExplanationOfBenefit,
  ExplanationOfBenefitCareTeam,
  ExplanationOfBenefitDiagnosis,
  ExplanationOfBenefitItem,
} from "fhir/r4";

import type { AdjudicatedClaim } from "./adjudicate-family-claims";
import type { LineAmounts } from "./benefit-accumulator";
import { coverageIdFor } from "./build-coverage";
import { payer } from "./build-payer-organization";
import type { ClaimDraft, ClaimKind, ClaimLineDraft } from "./claim-draft";
import { carinProfiles, codeSystems } from "./code-systems";
import { toFhirDate, toFhirDateTime } from "./demo-calendar";
import { discriminator, inNetwork, nonCoveredReason, toAmountAdjudications, toTotals } from "./eob-adjudication";
import { buildSupportingInfo } from "./eob-supporting-info";
import { toMoney } from "./to-money";

const profileOf: Record<ClaimKind, string> = {
  professional: carinProfiles.professional,
  inpatient: carinProfiles.inpatient,
  outpatient: carinProfiles.outpatient,
  pharmacy: carinProfiles.pharmacy,
};

const claimTypeOf: Record<ClaimKind, { code: string; display: string }> = {
  professional: { code: "professional", display: "Professional" },
  inpatient: { code: "institutional", display: "Institutional" },
  outpatient: { code: "institutional", display: "Institutional" },
  pharmacy: { code: "pharmacy", display: "Pharmacy" },
};

/**
 * Builds a CARIN Blue Button ExplanationOfBenefit from an adjudicated claim. Each line lists its
 * amounts as toAmountAdjudications describes, EOB.total contains the sum of every category, and
 * payment.amount equals the total paid to the provider. A claim with a denied line has outcome
 * "partial".
 */
export function buildExplanationOfBenefit(claim: AdjudicatedClaim): ExplanationOfBenefit {
  const { draft } = claim;
  const processed = toFhirDateTime(draft.processedDay, draft.processedMinute);
  const paidToProvider = claim.lines.reduce((sum, line) => sum + line.paidToProvider, 0);
  const hasDeniedLine = draft.lines.some((line) => line.denied);

  return {
    resourceType: "ExplanationOfBenefit",
    id: draft.id,
    meta: { lastUpdated: processed, profile: [profileOf[draft.kind]] },
    identifier: [
      {
        type: { coding: [{ system: codeSystems.c4bbIdentifierType, code: "uc", display: "Unique Claim ID" }] },
        system: codeSystems.claimId,
        value: draft.id.replace(/^demo-eob-/, "LVC-"),
      },
    ],
    status: "active",
    type: { coding: [{ system: codeSystems.claimType, ...claimTypeOf[draft.kind] }], text: claimTypeOf[draft.kind].display },
    ...subTypeOf(draft.kind),
    use: "claim",
    patient: { reference: `Patient/${draft.member.patientId}` },
    billablePeriod: { start: toFhirDate(draft.startDay), end: toFhirDate(draft.endDay) },
    created: processed,
    insurer: { reference: `Organization/${payer.id}`, display: payer.name },
    provider: { reference: `Organization/${draft.billing.organizationId}`, display: draft.billing.name },
    ...(draft.prescriptionId && { prescription: { reference: `MedicationRequest/${draft.prescriptionId}` } }),
    payee: {
      type: { coding: [{ system: codeSystems.payeeType, code: "provider", display: "Provider" }] },
      party: { reference: `Organization/${draft.billing.organizationId}` },
    },
    outcome: hasDeniedLine ? "partial" : "complete",
    disposition: hasDeniedLine ? "Processed; one or more lines were denied as not covered." : "Processed as billed.",
    careTeam: careTeamOf(draft),
    supportingInfo: buildSupportingInfo(draft),
    ...(draft.diagnoses.length > 0 && { diagnosis: diagnosesOf(draft) }),
    insurance: [{ focal: true, coverage: { reference: `Coverage/${coverageIdFor(draft.member, claim.planYear)}` } }],
    item: draft.lines.map((line, position) => itemOf(draft, line, claim.lines[position], position)),
    adjudication: headerAdjudicationOf(draft.kind),
    total: toTotals(claim.lines),
    payment: {
      // CARIN BB binds payment.type (required) to C4BBPayerClaimPaymentStatusCode: paid, denied or partiallypaid.
      type: { coding: [{ system: codeSystems.c4bbPayerAdjudicationStatus, code: "paid", display: "Paid" }] },
      date: toFhirDate(draft.processedDay),
      amount: toMoney(paidToProvider),
    },
  };
}

function subTypeOf(kind: ClaimKind): Pick<ExplanationOfBenefit, "subType"> {
  if (kind !== "inpatient" && kind !== "outpatient") return {};
  const display = kind === "inpatient" ? "Inpatient" : "Outpatient";
  return { subType: { coding: [{ system: codeSystems.c4bbInstitutionalSubType, code: kind, display }], text: display } };
}

function careTeamOf(draft: ClaimDraft): ExplanationOfBenefitCareTeam[] {
  return draft.careTeam.map((member, position) => ({
    sequence: position + 1,
    provider: { reference: member.reference, display: member.display },
    role: { coding: [{ system: codeSystems.c4bbClaimCareTeamRole, code: member.role }] },
    ...(member.practitioner && {
      qualification: { coding: [{ system: codeSystems.nucc, code: member.practitioner.specialty.nucc, display: member.practitioner.specialty.display }] },
    }),
  }));
}

function diagnosesOf(draft: ClaimDraft): ExplanationOfBenefitDiagnosis[] {
  return draft.diagnoses.map((diagnosis, position) => ({
    sequence: position + 1,
    diagnosisCodeableConcept: { coding: [{ system: codeSystems.icd10cm, code: diagnosis.code, display: diagnosis.display }], text: diagnosis.display },
    type: [
      position === 0
        ? { coding: [{ system: codeSystems.diagnosisType, code: "principal", display: "Principal Diagnosis" }] }
        : secondaryDiagnosisType(draft.kind),
    ],
  }));
}

/**
 * Returns the type of a diagnosis after the first. CARIN BB binds diagnosis.type (required) to a
 * ValueSet per claim kind, so institutional claims list further diagnoses as "other" and
 * professional ones as "secondary".
 */
function secondaryDiagnosisType(kind: ClaimKind): CodeableConcept {
  if (kind === "inpatient" || kind === "outpatient") {
    return { coding: [{ system: codeSystems.c4bbClaimDiagnosisType, code: "other", display: "Other" }] };
  }
  return { coding: [{ system: codeSystems.c4bbClaimDiagnosisType, code: "secondary", display: "Secondary" }] };
}

function itemOf(draft: ClaimDraft, line: ClaimLineDraft, amounts: LineAmounts | undefined, position: number): ExplanationOfBenefitItem {
  if (!amounts) {
    throw new Error(`Claim ${draft.id} has no adjudicated amounts for line ${position + 1}; adjudicate every line first.`);
  }
  const productOrService: CodeableConcept = {
    coding: [{ system: line.service.system, code: line.service.code, display: line.service.display }],
    text: line.service.display,
  };

  return {
    sequence: position + 1,
    ...(draft.careTeam.length > 0 && { careTeamSequence: [1] }),
    ...(draft.diagnoses.length > 0 && { diagnosisSequence: draft.diagnoses.map((_, index) => index + 1) }),
    ...(line.revenue && { revenue: { coding: [{ system: codeSystems.revenueCode, code: line.revenue.code, display: line.revenue.display }] } }),
    productOrService,
    servicedDate: toFhirDate(line.day),
    ...(draft.placeOfService && { locationCodeableConcept: { coding: [{ system: codeSystems.placeOfService, ...draft.placeOfService }] } }),
    quantity: { value: line.quantity },
    ...(draft.encounterId && { encounter: [{ reference: `Encounter/${draft.encounterId}` }] }),
    adjudication: [
      ...(draft.kind === "professional" ? [discriminator("benefitpaymentstatus", inNetwork)] : []),
      ...(line.denied ? [discriminator("denialreason", nonCoveredReason)] : []),
      ...toAmountAdjudications(amounts),
    ],
  };
}

function headerAdjudicationOf(kind: ClaimKind): ExplanationOfBenefit["adjudication"] {
  const network = [discriminator("billingnetworkstatus", inNetwork)];
  if (kind === "professional") {
    return [...network, discriminator("renderingnetworkstatus", inNetwork)];
  }
  return [discriminator("benefitpaymentstatus", inNetwork), ...network];
}
