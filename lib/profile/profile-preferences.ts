/**
 * Lakeview's Patient extensions for communication preferences, which R4 Patient has no element
 * for. docs/member-profile.md describes both.
 */
export const preferenceExtensionUrls = {
  /** valueCode: one of `contactMethods`. */
  contactMethod: "https://lakeview.example/fhir/StructureDefinition/preferred-contact-method",
  /** valueBoolean: true when the member wants statements and notices by email only. */
  paperlessStatements: "https://lakeview.example/fhir/StructureDefinition/paperless-statements",
} as const;

/** How a member prefers the plan to reach them. */
export const contactMethods = ["phone", "text", "email", "mail"] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** BCP 47 codes a member can choose as preferred language, each with its English display. */
export const languageOptions = [
  { code: "en", display: "English" },
  { code: "es", display: "Spanish" },
  { code: "zh", display: "Chinese" },
  { code: "vi", display: "Vietnamese" },
  { code: "nv", display: "Navajo" },
] as const;
export type LanguageCode = (typeof languageOptions)[number]["code"];

/** Code system of Patient.communication.language. */
export const languageSystem = "urn:ietf:bcp:47";

/**
 * USPS codes of the states, the District of Columbia, the territories and the military
 * addresses (AA, AE, AP) that a US mailing address may carry.
 */
export const usStateCodes = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
  "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
  "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
  "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP",
] as const;
