import type { Address, ContactPoint, HumanName, Identifier, Patient } from "fhir/r4";

import type { WarnFunction } from "../message/conversion-warning";
import { hl7Component, hl7Repetitions, hl7Value, type Hl7Repetition, type Hl7Segment } from "./hl7-message";
import { toIdentifier } from "./to-identifier";
import { toFhirDate, toFhirDateTime } from "./hl7-date-time";

// HL7 table 0001 (administrative sex) to FHIR administrative-gender.
const genders: Record<string, Patient["gender"]> = { M: "male", F: "female", O: "other", A: "other", N: "other", U: "unknown" };
// HL7 table 0200 (name type) to HumanName.use.
const nameUses: Record<string, HumanName["use"]> = { L: "official", D: "usual", M: "maiden", N: "nickname", A: "anonymous", T: "temp" };
// HL7 table 0202 (telecommunication equipment type) to ContactPoint.system; the others are phones.
const contactSystems: Record<string, ContactPoint["system"]> = { FX: "fax", BP: "pager" };
// HL7 table 0190 (address type) to Address.use.
const addressUses: Record<string, Address["use"]> = { H: "home", B: "work", O: "work", C: "temp", M: "home", P: "home" };

/**
 * Converts a PID segment to a Patient: identifiers (PID-3, with system from the assigning
 * authority), names (PID-5), birth date (PID-7), gender (PID-8), addresses (PID-11), telecom
 * (PID-13 home, PID-14 work) and death (PID-29, PID-30). An identifier without an assigning
 * authority gets `senderSystem`, because an MRN without one belongs to the sending facility.
 * Returns the Patient and the identifier that matches it to a stored one: the first PID-3
 * identifier typed MR, else the first. Returns undefined when PID-3 contains no identifier.
 * An invalid birth date, sex, death date or death indicator is left out with a warning.
 */
export function toPatient(pid: Hl7Segment, senderSystem: string, warn: WarnFunction): { patient: Patient; key: Identifier } | undefined {
  const identifier = toIdentifiers(hl7Repetitions(pid, 3), senderSystem);
  const key = identifier.find((id) => id.type?.coding?.[0]?.code === "MR") ?? identifier[0];
  if (!key) return undefined;

  const patient: Patient = { resourceType: "Patient", identifier };
  const name = hl7Repetitions(pid, 5).flatMap((xpn) => toHumanName(xpn) ?? []);
  if (name.length > 0) patient.name = name;
  const telecom = [...hl7Repetitions(pid, 13).map((xtn) => toContactPoint(xtn, "home")), ...hl7Repetitions(pid, 14).map((xtn) => toContactPoint(xtn, "work"))].flatMap((point) => point ?? []);
  if (telecom.length > 0) patient.telecom = telecom;
  addGender(patient, pid, warn);
  addBirthDate(patient, pid, warn);
  const address = hl7Repetitions(pid, 11).flatMap((xad) => toAddress(xad) ?? []);
  if (address.length > 0) patient.address = address;
  addDeath(patient, pid, warn);
  return { patient, key: { system: key.system, value: key.value } };
}

function addGender(patient: Patient, pid: Hl7Segment, warn: WarnFunction): void {
  const code = hl7Value(pid, 8);
  if (code === "") return;
  const gender = genders[code.toUpperCase()];
  if (gender) patient.gender = gender;
  else warn({ field: "PID-8", value: code, expected: "an administrative sex code of HL7 table 0001 (M, F, O, A, N or U)", outcome: "Patient.gender left out" });
}

// PID-7 is a date of birth, so a time of birth after the day is ignored.
function addBirthDate(patient: Patient, pid: Hl7Segment, warn: WarnFunction): void {
  const value = hl7Value(pid, 7);
  if (value === "") return;
  const birthDate = /^\d{8}/.test(value) ? toFhirDate(value.slice(0, 8)) : toFhirDate(value);
  if (birthDate) patient.birthDate = birthDate;
  else warn({ field: "PID-7", value, expected: "a date as YYYYMMDD, such as 19800215", outcome: "Patient.birthDate left out" });
}

/** Converts CX repetitions to identifiers, giving `senderSystem` to those without an assigning authority. */
export function toIdentifiers(repetitions: Hl7Repetition[], senderSystem: string): Identifier[] {
  return repetitions.flatMap((cx) => {
    const identifier = toIdentifier(cx);
    if (!identifier) return [];
    identifier.system ??= senderSystem;
    return [identifier];
  });
}

function addDeath(patient: Patient, pid: Hl7Segment, warn: WarnFunction): void {
  const deathValue = hl7Value(pid, 29);
  const deathDate = toFhirDateTime(deathValue);
  if (deathValue !== "" && !deathDate) {
    warn({ field: "PID-29", value: deathValue, expected: "a date-time as YYYYMMDD[HHMM[SS]][+/-ZZZZ]", outcome: "Patient.deceasedDateTime left out" });
  }
  const indicator = hl7Value(pid, 30);
  if (deathDate) patient.deceasedDateTime = deathDate;
  else if (indicator === "Y") patient.deceasedBoolean = true;
  else if (indicator === "N") patient.deceasedBoolean = false;
  else if (indicator !== "") warn({ field: "PID-30", value: indicator, expected: "Y or N", outcome: "Patient.deceasedBoolean left out" });
}

/** Converts an XPN (family&…^given^middle^suffix^prefix^degree^type); undefined when it has no family or given name. */
export function toHumanName(xpn: Hl7Repetition): HumanName | undefined {
  const family = hl7Component(xpn, 1, 1);
  const given = [hl7Component(xpn, 2), hl7Component(xpn, 3)].filter((part) => part !== "");
  if (family === "" && given.length === 0) return undefined;

  const name: HumanName = {};
  const use = nameUses[hl7Component(xpn, 7)];
  if (use) name.use = use;
  if (family !== "") name.family = family;
  if (given.length > 0) name.given = given;
  const prefix = hl7Component(xpn, 5);
  if (prefix !== "") name.prefix = [prefix];
  const suffix = [hl7Component(xpn, 4), hl7Component(xpn, 6)].filter((part) => part !== "");
  if (suffix.length > 0) name.suffix = suffix;
  return name;
}

/** Converts an XAD (street&…^other^city^state^zip^country^type); undefined when every part is empty. */
export function toAddress(xad: Hl7Repetition): Address | undefined {
  const line = [hl7Component(xad, 1, 1), hl7Component(xad, 2)].filter((part) => part !== "");
  const address: Address = {};
  const use = addressUses[hl7Component(xad, 7)];
  if (use) address.use = use;
  if (line.length > 0) address.line = line;
  const parts: [keyof Address, string][] = [
    ["city", hl7Component(xad, 3)],
    ["state", hl7Component(xad, 4)],
    ["postalCode", hl7Component(xad, 5)],
    ["country", hl7Component(xad, 6)],
  ];
  for (const [key, value] of parts) {
    if (value !== "") Object.assign(address, { [key]: value });
  }
  return line.length > 0 || parts.some(([, value]) => value !== "") ? address : undefined;
}

/**
 * Converts an XTN to a ContactPoint. The number comes from the area code (XTN.6) and local
 * number (XTN.7), else from XTN.1 as v2.3 sends it. Equipment type "Internet" gives the e-mail
 * address of XTN.4. Returns undefined when the XTN is empty.
 */
export function toContactPoint(xtn: Hl7Repetition, use: ContactPoint["use"]): ContactPoint | undefined {
  const equipment = hl7Component(xtn, 3).toUpperCase();
  const email = hl7Component(xtn, 4);
  if ((equipment === "INTERNET" || equipment === "X.400") && email !== "") {
    return { system: "email", value: email, use };
  }

  const local = [hl7Component(xtn, 6), hl7Component(xtn, 7)].filter((part) => part !== "").join("");
  const value = local || hl7Component(xtn, 1);
  if (value === "") return undefined;
  const system = contactSystems[equipment] ?? "phone";
  return { system, value, use: equipment === "CP" ? "mobile" : use };
}
