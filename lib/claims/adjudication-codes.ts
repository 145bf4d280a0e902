import type { CodeableConcept } from "fhir/r4";

/** HL7 adjudication codes: submitted, copay, deductible, eligible, benefit and more. */
export const hl7AdjudicationSystem = "http://terminology.hl7.org/CodeSystem/adjudication";

/** CARIN Blue Button adjudication codes: memberliability, coinsurance, noncovered and more. */
export const carinAdjudicationSystem = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";

/**
 * CMS Blue Button 2.0 adjudication codes, which are variable URLs; Synthea writes these on EOB
 * lines. Its code and system differ, so the full URL is the code.
 */
export const blueButtonAdjudicationSystem = "https://bluebutton.cms.gov/resources/codesystem/adjudication";
const blueButtonVariable = "https://bluebutton.cms.gov/resources/variables/";

/** A system and code pair to look for in a CodeableConcept. */
export interface Code {
  system: string;
  code: string;
}

/** Billed amount (HL7 adjudication "submitted"). */
export const submittedCode: Code = { system: hl7AdjudicationSystem, code: "submitted" };

/**
 * Codes of a line's billed amount: HL7 "submitted", which CARIN BB uses on lines, and the Blue
 * Button line submitted charge that Synthea writes.
 */
export const lineSubmittedCodes: readonly Code[] = [
  submittedCode,
  { system: blueButtonAdjudicationSystem, code: `${blueButtonVariable}line_sbmtd_chrg_amt` },
];

/** The member's whole share of a claim or line (CARIN "memberliability"). */
export const memberLiabilityCode: Code = { system: carinAdjudicationSystem, code: "memberliability" };

/**
 * Parts of the member's share that add up to it when no memberliability is given, one list of
 * codes per part: deductible, copay and coinsurance. Codes in one list name the same part in
 * different systems (HL7, CARIN, and the Blue Button codes that Synthea writes on lines), so an
 * entry of each is one part stated twice, not two parts to add.
 */
export const memberCostShareParts: readonly (readonly Code[])[] = [
  [
    { system: hl7AdjudicationSystem, code: "deductible" },
    { system: blueButtonAdjudicationSystem, code: `${blueButtonVariable}line_bene_ptb_ddctbl_amt` },
  ],
  [{ system: hl7AdjudicationSystem, code: "copay" }],
  [
    { system: carinAdjudicationSystem, code: "coinsurance" },
    { system: blueButtonAdjudicationSystem, code: `${blueButtonVariable}line_coinsrnc_amt` },
  ],
];

/** Portion of a service's cost that the plan does not cover (CARIN "noncovered"). */
export const noncoveredCode: Code = { system: carinAdjudicationSystem, code: "noncovered" };

/** Tells whether any coding of `concept` has the code's system and code. */
export function hasCode(concept: CodeableConcept | undefined, wanted: Code): boolean {
  return (concept?.coding ?? []).some((coding) => coding.system === wanted.system && coding.code === wanted.code);
}

/** Allowed amount: HL7 "eligible", and the Blue Button line allowed charge that Synthea writes. */
export const allowedCodes: readonly Code[] = [
  { system: hl7AdjudicationSystem, code: "eligible" },
  { system: blueButtonAdjudicationSystem, code: `${blueButtonVariable}line_alowd_chrg_amt` },
];

/**
 * Ways a claim or line states what the plan paid, most specific first. Only the first one found
 * counts, because CARIN BB examples state "benefit" and "paidtoprovider" side by side for the same
 * payment.
 */
export const planPaidCodeChoices: readonly (readonly Code[])[] = [
  [{ system: hl7AdjudicationSystem, code: "benefit" }],
  [{ system: carinAdjudicationSystem, code: "paidtoprovider" }],
  [
    { system: blueButtonAdjudicationSystem, code: `${blueButtonVariable}line_prvdr_pmt_amt` },
    { system: blueButtonAdjudicationSystem, code: `${blueButtonVariable}line_nch_pmt_amt` },
  ],
];
