import type { Address, Identifier, Organization, Patient, Practitioner } from "fhir/r4";

import { deterministicId } from "../message/deterministic-id";
import type { MessageEntries } from "../message/message-entries";
import { x12Systems } from "./x12-systems";
import { toDate } from "./x12-values";
import { x12Value, type X12Segment } from "./x12-transaction";

/** An NM1 loop: the NM1 segment and the N3, N4, DMG and REF segments that follow it. */
export interface X12Party {
  nm1: X12Segment;
  n3?: X12Segment;
  n4?: X12Segment;
  dmg?: X12Segment;
  refs: X12Segment[];
}

const genders: Record<string, Patient["gender"]> = { M: "male", F: "female", U: "unknown" };

function addressOf(party: X12Party): Address[] {
  if (!party.n3 && !party.n4) return [];
  const address: Address = {};
  const line = [x12Value(party.n3, 1), x12Value(party.n3, 2)].filter((part) => part !== "");
  if (line.length > 0) address.line = line;
  if (x12Value(party.n4, 1) !== "") address.city = x12Value(party.n4, 1);
  if (x12Value(party.n4, 2) !== "") address.state = x12Value(party.n4, 2);
  if (x12Value(party.n4, 3) !== "") address.postalCode = x12Value(party.n4, 3);
  if (x12Value(party.n4, 4) !== "") address.country = x12Value(party.n4, 4);
  return [address];
}

/**
 * Adds the billing or pay-to provider of an NM1 (NM102 1: Practitioner, 2: Organization), matched
 * by its NPI (NM108 XX), or by its other id when it has no NPI, with its tax id (REF*EI) and
 * address. Returns the reference, or undefined when NM109 is empty.
 */
export function addProvider(entries: MessageEntries, party: X12Party): string | undefined {
  const id = x12Value(party.nm1, 9);
  if (id === "") return undefined;
  const key: Identifier = x12Value(party.nm1, 8) === "XX" ? { system: x12Systems.npi, value: id } : { system: `urn:lakeview:x12:provider-id:${x12Value(party.nm1, 8)}`, value: id };
  const identifier = [key, ...party.refs.filter((ref) => x12Value(ref, 1) === "EI").map((ref) => ({ system: x12Systems.ein, value: x12Value(ref, 2) }))];
  const address = addressOf(party);

  if (x12Value(party.nm1, 2) === "1") {
    const practitioner: Practitioner = { resourceType: "Practitioner", identifier, name: [personName(party.nm1)] };
    if (address.length > 0) practitioner.address = address;
    return entries.createIfNoneExist(practitioner, key);
  }
  const organization: Organization = { resourceType: "Organization", identifier, name: x12Value(party.nm1, 3), active: true };
  if (address.length > 0) organization.address = address;
  return entries.createIfNoneExist(organization, key);
}

/** Reads an N1 (entity^name^id qualifier^id, as in an 835) as the NM1 loop with the same entity, name and id. */
export function partyOfN1(n1: X12Segment): X12Party {
  const elements = ["NM1", x12Value(n1, 1), "2", x12Value(n1, 2), "", "", "", "", x12Value(n1, 3), x12Value(n1, 4)];
  return { nm1: { tag: "NM1", line: n1.line, elements }, refs: [] };
}

/** Adds a payer Organization matched by its payer id; the id is NM109 of an 837 NM1*PR, or from an 835's N1*PR or REF*2U. */
export function addPayer(entries: MessageEntries, name: string, payerId: string): string {
  const key: Identifier = { system: x12Systems.payerId, value: payerId || `name:${name}` };
  const organization: Organization = { resourceType: "Organization", identifier: [key], name, active: true, type: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/organization-type", code: "pay" }] }] };
  return entries.createIfNoneExist(organization, key);
}

/**
 * Adds a subscriber or patient from an NM1*IL or NM1*QC loop, matched by the member id in NM109
 * whatever its qualifier (MI or II). A dependent without one is matched by a hash of the
 * subscriber's member id and the dependent's name and birth date, so that no name is written
 * into an identifier.
 */
export function addMember(entries: MessageEntries, party: X12Party, subscriberMemberId: string): { reference: string; memberId: string } {
  const memberId = x12Value(party.nm1, 9);
  const key: Identifier = memberId !== "" ? { system: x12Systems.memberId, value: memberId } : { system: x12Systems.dependent, value: deterministicId(subscriberMemberId, x12Value(party.nm1, 3), x12Value(party.nm1, 4), x12Value(party.dmg, 2)) };
  const patient: Patient = { resourceType: "Patient", identifier: [key], name: [personName(party.nm1)] };
  addDemographics(entries, patient, party.dmg);
  const address = addressOf(party);
  if (address.length > 0) patient.address = address;
  return { reference: entries.createIfNoneExist(patient, key), memberId: memberId || subscriberMemberId };
}

/** Reads DMG02 (birth date, format D8) and DMG03 (gender); an invalid one is left out with a warning. */
function addDemographics(entries: MessageEntries, patient: Patient, dmg: X12Segment | undefined): void {
  const birth = x12Value(dmg, 2);
  const birthDate = x12Value(dmg, 1) === "D8" ? toDate(birth) : undefined;
  if (birthDate) patient.birthDate = birthDate;
  else if (birth !== "") entries.warn({ field: "DMG02", value: birth, expected: "a date as CCYYMMDD with DMG01 D8", outcome: "Patient.birthDate left out" });

  const code = x12Value(dmg, 3);
  const gender = genders[code];
  if (gender) patient.gender = gender;
  else if (code !== "") entries.warn({ field: "DMG03", value: code, expected: "a gender code F, M or U", outcome: "Patient.gender left out" });
}

function personName(nm1: X12Segment): { family?: string; given?: string[]; suffix?: string[] } {
  const given = [x12Value(nm1, 4), x12Value(nm1, 5)].filter((part) => part !== "");
  return {
    ...(x12Value(nm1, 3) !== "" ? { family: x12Value(nm1, 3) } : {}),
    ...(given.length > 0 ? { given } : {}),
    ...(x12Value(nm1, 7) !== "" ? { suffix: [x12Value(nm1, 7)] } : {}),
  };
}
