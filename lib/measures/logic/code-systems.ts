/** Canonical URIs of the code systems the measures' value sets draw from (as in the CMS eCQM value sets). */
export const codeSystems = {
  snomed: "http://snomed.info/sct",
  loinc: "http://loinc.org",
  cpt: "http://www.ama-assn.org/go/cpt",
  hcpcs: "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  icd10pcs: "http://www.cms.gov/Medicare/Coding/ICD10",
  cvx: "http://hl7.org/fhir/sid/cvx",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
} as const;

export type CodeSystemKey = keyof typeof codeSystems;
