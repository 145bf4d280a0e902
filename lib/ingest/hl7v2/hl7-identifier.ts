import type { Coding, Identifier } from "fhir/r4";

import { hl7Component, type Hl7Repetition } from "./hl7-message";

const oid = /^[0-2](\.(0|[1-9]\d*))+$/;
const v2IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
// Assigning authorities that name a national identifier system rather than a facility.
const wellKnownSystems: Record<string, string> = {
  USSSA: "http://hl7.org/fhir/sid/us-ssn",
  SSA: "http://hl7.org/fhir/sid/us-ssn",
  NPI: "http://hl7.org/fhir/sid/us-npi",
};

/**
 * Returns the identifier system for an HL7 HD (hierarchic designator): `urn:oid:` for an ISO OID
 * universal id, the universal id itself when it is a URI, a known national system for USSSA or
 * NPI, and otherwise a `urn:lakeview:hl7v2:authority:` URN built from the namespace id.
 */
export function systemOfAuthority(namespace: string, universalId: string): string | undefined {
  if (oid.test(universalId)) return `urn:oid:${universalId}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(universalId)) return universalId;
  const name = namespace || universalId;
  if (name === "") return undefined;
  return wellKnownSystems[name.toUpperCase()] ?? `urn:lakeview:hl7v2:authority:${encodeURIComponent(name)}`;
}

/**
 * Converts a CX (extended composite id: id^check digit^scheme^assigning authority^type code) to
 * an Identifier whose system comes from the assigning authority (CX.4) and type from CX.5.
 * Returns undefined when CX.1 is empty.
 */
export function toIdentifier(cx: Hl7Repetition): Identifier | undefined {
  const value = hl7Component(cx, 1);
  if (value === "") return undefined;

  const namespace = hl7Component(cx, 4, 1);
  const system = systemOfAuthority(namespace, hl7Component(cx, 4, 2));
  const typeCode = hl7Component(cx, 5);
  const identifier: Identifier = { value };
  if (system) identifier.system = system;
  if (typeCode !== "") identifier.type = { coding: [{ system: v2IdentifierType, code: typeCode }] };
  if (namespace !== "") identifier.assigner = { display: namespace };
  return identifier;
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
