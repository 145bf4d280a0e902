import type { CodeableConcept, Coding } from "fhir/r4";

import { hl7Component, type Hl7Repetition } from "./hl7-message";

/** Converts a CE/CWE to a CodeableConcept with its codings and text; undefined when it contains neither a code nor a text. */
export function toCodeableConcept(cwe: Hl7Repetition | undefined): CodeableConcept | undefined {
  if (!cwe) return undefined;
  const coding = toCodings(cwe);
  const text = hl7Component(cwe, 9) || hl7Component(cwe, 2);
  if (coding.length === 0 && text === "") return undefined;

  const concept: CodeableConcept = {};
  if (coding.length > 0) concept.coding = coding;
  if (text !== "") concept.text = text;
  return concept;
}

// HL7 table 0396 names of coding systems that have a FHIR URI.
const codingSystems: Record<string, string> = {
  LN: "http://loinc.org",
  SCT: "http://snomed.info/sct",
  SNM: "http://snomed.info/sct",
  CVX: "http://hl7.org/fhir/sid/cvx",
  NDC: "http://hl7.org/fhir/sid/ndc",
  I9: "http://hl7.org/fhir/sid/icd-9-cm",
  I9C: "http://hl7.org/fhir/sid/icd-9-cm",
  I10: "http://hl7.org/fhir/sid/icd-10-cm",
  "ICD-10-CM": "http://hl7.org/fhir/sid/icd-10-cm",
  C4: "http://www.ama-assn.org/go/cpt",
  CPT: "http://www.ama-assn.org/go/cpt",
  UCUM: "http://unitsofmeasure.org",
  MVX: "http://terminology.hl7.org/CodeSystem/MVX",
  HL70078: "http://terminology.hl7.org/CodeSystem/v2-0078",
  HL70162: "http://terminology.hl7.org/CodeSystem/v2-0162",
  HL70163: "http://terminology.hl7.org/CodeSystem/v2-0163",
  NIP002: "urn:oid:2.16.840.1.114222.4.5.274",
};

/** Returns the FHIR URI for an HL7 coding system name, or a `urn:lakeview:hl7v2:code-system:` URN for a local one. */
export function systemOfCoding(name: string): string | undefined {
  if (name === "") return undefined;
  return codingSystems[name.toUpperCase()] ?? `urn:lakeview:hl7v2:code-system:${encodeURIComponent(name)}`;
}

/** Converts the codings of a CE/CWE (code^text^system^alternate code^alternate text^alternate system); an empty list when neither has a code. */
export function toCodings(cwe: Hl7Repetition): Coding[] {
  const codings: Coding[] = [];
  for (const first of [1, 4]) {
    const code = hl7Component(cwe, first);
    if (code === "") continue;
    const coding: Coding = { code };
    const system = systemOfCoding(hl7Component(cwe, first + 2));
    const display = hl7Component(cwe, first + 1);
    if (system) coding.system = system;
    if (display !== "") coding.display = display;
    codings.push(coding);
  }
  return codings;
}
