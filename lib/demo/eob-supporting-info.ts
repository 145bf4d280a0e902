import type { ExplanationOfBenefitSupportingInfo } from "fhir/r4";

import type { Code } from "./clinical-catalog";
import type { ClaimDraft } from "./claim-draft";
import { codeSystems } from "./code-systems";
import { toFhirDate } from "./demo-calendar";

type InfoValue = Omit<ExplanationOfBenefitSupportingInfo, "sequence" | "category">;

/** Builds the CARIN supportingInfo entries that the claim's profile expects, numbered from 1. */
export function buildSupportingInfo(draft: ClaimDraft): ExplanationOfBenefitSupportingInfo[] {
  const entries: [string, InfoValue][] = [["clmrecvddate", { timingDate: toFhirDate(draft.receivedDay) }]];

  if (draft.institutional) {
    if (draft.kind === "inpatient") {
      entries.push(["admissionperiod", { timingPeriod: { start: toFhirDate(draft.startDay), end: toFhirDate(draft.endDay) } }]);
    }
    entries.push(
      ["typeofbill", coded(codeSystems.typeOfBill, draft.institutional.typeOfBill)],
      ["pointoforigin", coded(codeSystems.pointOfOrigin, draft.institutional.pointOfOrigin)],
      ["admtype", coded(codeSystems.admissionType, draft.institutional.admissionType)],
      ["discharge-status", coded(codeSystems.dischargeStatus, draft.institutional.dischargeStatus)],
    );
  }

  if (draft.pharmacy) {
    entries.push(
      ["dayssupply", { valueQuantity: { value: draft.pharmacy.daysSupply, unit: "days", system: codeSystems.ucum, code: "d" } }],
      ["refillnum", { valueQuantity: { value: draft.pharmacy.fillNumber } }],
      ["refillsauthorized", { valueQuantity: { value: draft.pharmacy.refillsAuthorized } }],
      ["dawcode", coded(codeSystems.ncpdpDispenseAsWritten, { code: "0", display: "No Product Selection Indicated" })],
      ["brandgenericindicator", coded(codeSystems.ncpdpBrandGeneric, { code: "3", display: "Multi-source generic" })],
      ["rxorigincode", coded(codeSystems.ncpdpPrescriptionOrigin, { code: "3", display: "Electronic" })],
      ["compoundcode", coded(codeSystems.ncpdpCompound, { code: "1", display: "Non-compound" })],
    );
  }

  if (draft.kind === "professional") {
    entries.push(["servicefacility", { valueReference: { reference: `Organization/${draft.billing.organizationId}`, display: draft.billing.name } }]);
  }

  return entries.map(([category, value], position) => ({
    sequence: position + 1,
    category: { coding: [{ system: codeSystems.c4bbSupportingInfoType, code: category }] },
    ...value,
  }));
}

function coded(system: string, code: Code): InfoValue {
  return { code: { coding: [{ system, code: code.code, display: code.display }] } };
}
