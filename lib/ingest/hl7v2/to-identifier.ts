import type { Identifier } from "fhir/r4";

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
 * Returns the identifier system for an HL7 HD (hierarchic designator). An ISO OID universal id
 * gives `urn:oid:`, and a universal id that is a URI gives itself. USSSA and NPI give their
 * national systems, and any other namespace id a `urn:lakeview:hl7v2:authority:` URN.
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
