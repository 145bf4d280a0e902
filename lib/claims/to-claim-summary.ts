import type { CodeableConcept, ExplanationOfBenefit } from "fhir/r4";

import type { ClaimSummary, ClaimType, ReferenceNames } from "./claim-summary";
import { computeClaimAmounts } from "./compute-claim-amounts";
import { parseFhirDate } from "./parse-fhir-date";
import { referenceKey, toReferenceTarget } from "./reference-target";

/** HL7 claim type codes (http://terminology.hl7.org/CodeSystem/claim-type). */
const claimTypeSystem = "http://terminology.hl7.org/CodeSystem/claim-type";
const claimTypes: readonly ClaimType[] = ["professional", "institutional", "pharmacy", "oral", "vision"];

/**
 * Maps an ExplanationOfBenefit to the claims table's row. `names` contains the names of the
 * Practitioner and Organization resources that EOB.provider may reference, by "Type/id". The
 * member's share is given only for an "active" EOB: a cancelled one was withdrawn or reversed, and
 * a draft is not final.
 */
export function toClaimSummary(eob: ExplanationOfBenefit, names: ReferenceNames): ClaimSummary {
  const { billed, memberOwes } = computeClaimAmounts(eob);

  return {
    id: eob.id ?? "",
    serviceDate: parseFhirDate(eob.billablePeriod?.start) ?? parseFhirDate(eob.created),
    providerName: providerNameOf(eob, names),
    claimType: claimTypeOf(eob.type),
    canceled: eob.status === "cancelled",
    billed,
    memberOwes: eob.status === "active" ? memberOwes : { kind: "unknown" },
  };
}

function providerNameOf(eob: ExplanationOfBenefit, names: ReferenceNames): string | null {
  const display = eob.provider.display?.trim();
  if (display) {
    return display;
  }
  const target = toReferenceTarget(eob.provider);
  return target ? (names.get(referenceKey(target)) ?? null) : null;
}

function claimTypeOf(type: CodeableConcept): ClaimType {
  for (const coding of type.coding ?? []) {
    // Some senders leave out the system; a bare code from this short list is still unambiguous.
    const known = claimTypes.find((claimType) => claimType === coding.code);
    if (known && (coding.system === undefined || coding.system === claimTypeSystem)) {
      return known;
    }
  }
  return "other";
}
