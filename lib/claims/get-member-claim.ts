import type { ExplanationOfBenefit } from "fhir/r4";

import { isFhirError } from "../fhir/fhir-error";
import type { FhirStore } from "../fhir/store/fhir-store";
import type { ClaimDetail } from "./claim-detail";
import { listedClaimStatuses } from "./claim-list-query";
import { readReferenceNames } from "./read-reference-names";
import { isReferenceTo, referenceKey, toReferenceTarget, type ReferenceTarget } from "./reference-target";
import { codedTextOf, toClaimDetail, type CodedText } from "./to-claim-detail";

/** A FHIR resource id (R4: 1 to 64 letters, digits, "-" and "."). */
const fhirId = /^[A-Za-z0-9.-]{1,64}$/;

/**
 * Loads one claim of a patient for the detail page. Returns null, for a not-found page, when the
 * id is malformed, unknown or deleted, when the EOB's `patient` is not this Patient, or when it is
 * a draft or entered in error, so a member cannot tell another member's claim from one that does
 * not exist. The patient id must come from the signed-in account, never from the request.
 */
export async function getMemberClaim(store: FhirStore, patientId: string, claimId: string): Promise<ClaimDetail | null> {
  if (!fhirId.test(claimId)) {
    return null;
  }
  const eob = await readOrNull(store, claimId);
  const listed: readonly string[] = listedClaimStatuses;
  if (!eob || !isReferenceTo(eob.patient, "Patient", patientId) || !listed.includes(eob.status)) {
    return null;
  }

  const targets = [eob.provider.display ? null : toReferenceTarget(eob.provider), eob.facility?.display ? null : toReferenceTarget(eob.facility)];
  const [names, conditions] = await Promise.all([
    readReferenceNames(store, targets.filter((target): target is ReferenceTarget => target !== null)),
    readConditionCodes(store, patientId, eob),
  ]);
  return toClaimDetail(eob, { names, conditions });
}

async function readOrNull(store: FhirStore, id: string): Promise<ExplanationOfBenefit | null> {
  try {
    return await store.read("ExplanationOfBenefit", id);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) {
      return null;
    }
    throw error;
  }
}

/**
 * Reads the codes of the Conditions the claim's diagnoses reference (Synthea writes diagnoses
 * that way). A Condition about another patient is skipped, so a wrong reference shows no one
 * else's diagnosis.
 */
async function readConditionCodes(store: FhirStore, patientId: string, eob: ExplanationOfBenefit): Promise<Map<string, CodedText>> {
  const targets = (eob.diagnosis ?? [])
    .map((diagnosis) => toReferenceTarget(diagnosis.diagnosisReference))
    .filter((target): target is ReferenceTarget => target?.resourceType === "Condition");

  const codes = new Map<string, CodedText>();
  for (const target of targets) {
    try {
      const condition = await store.read("Condition", target.id);
      if (isReferenceTo(condition.subject, "Patient", patientId)) {
        codes.set(referenceKey(target), codedTextOf(condition.code));
      }
    } catch (error) {
      if (!isFhirError(error, "not-found") && !isFhirError(error, "gone")) {
        throw error;
      }
    }
  }
  return codes;
}
