import type { Database } from "../../db/database";
import { FhirStore } from "../../fhir/store/fhir-store";
import { findSegment } from "../hl7v2/hl7-message";
import { parseHl7File } from "../hl7v2/parse-hl7-file";
import { toIdentifiers } from "../hl7v2/to-patient";
import { x12Systems } from "../x12/x12-systems";

/**
 * Returns the ids of stored Patients that a raw message names, so the AuditEvent of viewing it
 * names them: for HL7 v2 the PID-3 identifiers, for X12 the NM1*IL and NM1*QC member ids.
 * A message that does not parse far enough names no one.
 */
export async function listMessagePatientIds(db: Database, format: string, text: string): Promise<string[]> {
  const identifiers = format === "x12" ? x12MemberIds(text) : hl7PatientIdentifiers(text);
  const store = new FhirStore(db);
  const ids = await Promise.all(identifiers.map((identifier) => store.findIdsByToken("Patient", "identifier", identifier.system, identifier.value)));
  return [...new Set(ids.flat())].sort();
}

// NOTE: conversion gives an identifier without assigning authority the sender's system. Here it
// matches any system, so the audit may name a patient of another sender with the same MRN.
function hl7PatientIdentifiers(text: string): { system: string | undefined; value: string }[] {
  const [message] = parseHl7File(text).messages;
  const pid = message ? findSegment(message, "PID") : undefined;
  const identifiers = toIdentifiers(pid?.fields[3] ?? [], "");
  return identifiers.flatMap((identifier) => (identifier.value ? [{ system: identifier.system || undefined, value: identifier.value }] : []));
}

function x12MemberIds(text: string): { system: string | undefined; value: string }[] {
  const isa = text.trimStart();
  const element = isa.charAt(3) || "*";
  const terminator = isa.charAt(105) || "~";
  return isa.split(terminator).flatMap((raw) => {
    const elements = raw.trim().split(element);
    const isMember = elements[0] === "NM1" && (elements[1] === "IL" || elements[1] === "QC") && elements[9];
    return isMember ? [{ system: x12Systems.memberId, value: elements[9] ?? "" }] : [];
  });
}
