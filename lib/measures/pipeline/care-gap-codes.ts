/** Codes and URLs of the DEQM care-gap shape the stored DetectedIssue resources follow. */
export const careGapCodes = {
  gapStatusExtension: "http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/extension-gapStatus",
  gapStatusSystem: "http://hl7.org/fhir/us/davinci-deqm/CodeSystem/gaps-status",
  actCodeSystem: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  careGapCode: "CAREGAP",
} as const;

/** A gap's state: open while the measure's goal is not met, closed once it is. */
export type GapStatus = "open-gap" | "closed-gap";
