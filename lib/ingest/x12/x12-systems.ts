/** Identifier and code systems of the X12 conversion. */
export const x12Systems = {
  npi: "http://hl7.org/fhir/sid/us-npi",
  /** US employer identification number (tax id), REF*EI. */
  ein: "urn:oid:2.16.840.1.113883.4.4",
  /** NM109 payer ids (qualifier PI) and 835 payer ids (REF*2U, N1*PR*…*XV). */
  payerId: "urn:lakeview:x12:payer-id",
  /** Subscriber member ids (NM1*IL, NM1*QC with qualifier MI). */
  memberId: "urn:lakeview:x12:member-id",
  /** Dependents, keyed by a hash of the subscriber's member id, name and birth date, because 5010 gives them no id. */
  dependent: "urn:lakeview:x12:dependent",
  coverage: "urn:lakeview:x12:coverage",
  /** The claim control number, CLM01 in an 837 and CLP01 in an 835. */
  claimControlNumber: "urn:lakeview:x12:claim-control-number",
  /** The payer claim control number, CLP07. */
  payerClaimControlNumber: "urn:lakeview:x12:payer-claim-control-number",
  /** Check or EFT trace number, TRN02. */
  paymentTrace: "urn:lakeview:x12:payment-trace-number",
  /** Provenance.entity identifiers that contain ISA-13. */
  interchangeControlNumber: "urn:lakeview:x12:interchange-control-number",
  /** Provenance.entity identifiers that contain ST-02 (the number is unique within its interchange only). */
  transactionSetControlNumber: "urn:lakeview:x12:transaction-set-control-number",
  cpt: "http://www.ama-assn.org/go/cpt",
  hcpcs: "urn:oid:2.16.840.1.113883.6.285",
  revenue: "https://www.nubc.org/CodeSystem/RevenueCodes",
  icd10: "http://hl7.org/fhir/sid/icd-10-cm",
  icd9: "http://hl7.org/fhir/sid/icd-9-cm",
  claimType: "http://terminology.hl7.org/CodeSystem/claim-type",
  adjudication: "http://terminology.hl7.org/CodeSystem/adjudication",
  adjustmentReason: "https://x12.org/codes/claim-adjustment-reason-codes",
  adjustmentGroup: "https://x12.org/codes/claim-adjustment-group-codes",
  relationship: "http://terminology.hl7.org/CodeSystem/subscriber-relationship",
  diagnosisType: "http://terminology.hl7.org/CodeSystem/ex-diagnosistype",
  placeOfService: "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set",
} as const;
