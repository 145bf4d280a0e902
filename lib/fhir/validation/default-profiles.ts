import type { CodeableConcept } from "fhir/r4";

import { isJsonObject } from "../is-json-object";

const usCore = "http://hl7.org/fhir/us/core/StructureDefinition/";
const carin = "http://hl7.org/fhir/us/carin-bb/StructureDefinition/";
const deqm = "http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/";

/**
 * The package version the portal validates against when a profile URL names no version, or a
 * version that is not loaded. US Core 6.1.0 is the version DEQM 5.0.0 depends on.
 */
export const preferredPackageVersions: Readonly<Record<string, string>> = {
  "hl7.fhir.us.core": "6.1.0",
  "hl7.fhir.us.carin-bb": "2.0.0",
  "hl7.fhir.us.davinci-deqm": "5.0.0",
};

const usCoreVersion = "6.1.0";
const carinVersion = "2.0.0";
const deqmVersion = "5.0.0";

// US Core 6.1.0 vital-sign profiles by their LOINC code, checked on top of us-core-vital-signs.
const vitalSignProfiles: Readonly<Record<string, string>> = {
  "85354-9": "us-core-blood-pressure",
  "39156-5": "us-core-bmi",
  "8302-2": "us-core-body-height",
  "8310-5": "us-core-body-temperature",
  "29463-7": "us-core-body-weight",
  "9843-4": "us-core-head-circumference",
  "8867-4": "us-core-heart-rate",
  "59408-5": "us-core-pulse-oximetry",
  "9279-1": "us-core-respiratory-rate",
};

// CARIN BB 2.0.0 EOB profiles by claim type, then institutional subtype.
const eobProfiles: Readonly<Record<string, string>> = {
  oral: "C4BB-ExplanationOfBenefit-Oral",
  pharmacy: "C4BB-ExplanationOfBenefit-Pharmacy",
  professional: "C4BB-ExplanationOfBenefit-Professional-NonClinician",
  vision: "C4BB-ExplanationOfBenefit-Professional-NonClinician",
  "institutional/inpatient": "C4BB-ExplanationOfBenefit-Inpatient-Institutional",
  "institutional/outpatient": "C4BB-ExplanationOfBenefit-Outpatient-Institutional",
};

const measureReportProfiles: Readonly<Record<string, string>> = {
  individual: "indv-measurereport-deqm",
  summary: "summary-measurereport-deqm",
  "subject-list": "subjectlist-measurereport-deqm",
  "data-collection": "datax-measurereport-deqm",
};

/**
 * Lists the profiles, as `url|version`, that the portal checks a resource against whether or not
 * it declares them. These are US Core 6.1.0 for the clinical types the portal shows, CARIN Blue
 * Button 2.0.0 for claims and coverage, and DEQM 5.0.0 for measure reports and care gaps.
 * A profile is picked only where the resource's own codes say it applies (an Observation's
 * category, an EOB's type), so an Observation of another kind gets none.
 */
export function listDefaultProfiles(resource: Record<string, unknown>): string[] {
  switch (resource.resourceType) {
    case "Patient":
      // C4BB-Patient is checked only when declared: it requires meta.profile to name itself and a
      // member id, which clinical sources such as Synthea do not carry.
      return [`${usCore}us-core-patient|${usCoreVersion}`];
    case "Condition":
      return [`${usCore}${hasCode(resource.category, "encounter-diagnosis") ? "us-core-condition-encounter-diagnosis" : "us-core-condition-problems-health-concerns"}|${usCoreVersion}`];
    case "Observation":
      return observationProfiles(resource).map((name) => `${usCore}${name}|${usCoreVersion}`);
    case "Immunization":
      return [`${usCore}us-core-immunization|${usCoreVersion}`];
    case "MedicationRequest":
      return [`${usCore}us-core-medicationrequest|${usCoreVersion}`];
    case "Encounter":
      return [`${usCore}us-core-encounter|${usCoreVersion}`];
    case "Coverage":
      return [`${carin}C4BB-Coverage|${carinVersion}`];
    case "ExplanationOfBenefit": {
      const name = eobProfiles[eobKind(resource)];
      return name === undefined ? [] : [`${carin}${name}|${carinVersion}`];
    }
    case "MeasureReport": {
      const name = typeof resource.type === "string" ? measureReportProfiles[resource.type] : undefined;
      return name === undefined ? [] : [`${deqm}${name}|${deqmVersion}`];
    }
    case "DetectedIssue":
      return [`${deqm}gaps-detectedissue-deqm|${deqmVersion}`];
    default:
      return [];
  }
}

function observationProfiles(resource: Record<string, unknown>): string[] {
  if (hasCode(resource.category, "laboratory")) return ["us-core-observation-lab"];
  if (!hasCode(resource.category, "vital-signs")) return [];

  const specific = codesOf(resource.code).flatMap((code) => vitalSignProfiles[code] ?? []);
  return ["us-core-vital-signs", ...new Set(specific)];
}

function eobKind(resource: Record<string, unknown>): string {
  const [type = ""] = codesOf(resource.type);
  if (type !== "institutional") return type;
  const [subType = ""] = codesOf(resource.subType);
  return `${type}/${subType}`;
}

function hasCode(value: unknown, code: string): boolean {
  const concepts = Array.isArray(value) ? value : [value];
  return concepts.some((concept) => codesOf(concept).includes(code));
}

/** Lists the codes of a CodeableConcept's codings; anything else has none. */
function codesOf(value: unknown): string[] {
  if (!isJsonObject(value) || !Array.isArray(value.coding)) return [];
  const concept = value as CodeableConcept;
  return (concept.coding ?? []).flatMap((coding) => (isJsonObject(coding) && typeof coding.code === "string" ? [coding.code] : []));
}
