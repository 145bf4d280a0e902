import type { Coding, Encounter, Location } from "fhir/r4";

import type { MessageEntries } from "../message/message-entries";
import { hl7Component, hl7Repetitions, hl7Value, type Hl7Segment } from "./hl7-message";
import { toFhirDateTime } from "./hl7-date-time";
import { toIdentifiers } from "./to-patient";

const actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
// HL7 table 0004 (patient class) to the v3 ActCode encounter classes.
const encounterClasses: Record<string, Coding> = {
  I: { system: actCode, code: "IMP", display: "inpatient encounter" },
  O: { system: actCode, code: "AMB", display: "ambulatory" },
  E: { system: actCode, code: "EMER", display: "emergency" },
  P: { system: actCode, code: "PRENC", display: "pre-admission" },
  R: { system: actCode, code: "IMP", display: "inpatient encounter" },
  B: { system: actCode, code: "OBSENC", display: "observation encounter" },
};
const unknownClass: Coding = { system: "http://terminology.hl7.org/CodeSystem/v3-NullFlavor", code: "UNK", display: "unknown" };
const locationSystem = "urn:lakeview:hl7v2:location";

/**
 * Adds the Encounter of a PV1 segment, and its Location (PV1-3), for an ADT event. A01 admits
 * (in-progress), A04 registers (arrived) and A03 discharges (finished). A08 updates, and gives
 * finished when PV1-45 has a discharge time. The Encounter's id comes from the visit number
 * (PV1-19), so later events update the same visit, or from the message control id without one.
 */
export function addEncounter(entries: MessageEntries, pv1: Hl7Segment, event: string, patient: string, context: { sender: string; senderSystem: string; controlId: string }): void {
  const identifier = toIdentifiers(hl7Repetitions(pv1, 19), context.senderSystem);
  const start = readDateTime(entries, pv1, 44, "Encounter.period.start left out");
  const end = readDateTime(entries, pv1, 45, "Encounter.period.end left out");
  const encounter: Encounter = {
    resourceType: "Encounter",
    status: encounterStatus(event, end !== undefined),
    class: encounterClasses[hl7Value(pv1, 2).toUpperCase()] ?? unknownClass,
    subject: { reference: patient },
  };
  if (identifier.length > 0) encounter.identifier = identifier;
  if (start || end) encounter.period = { ...(start ? { start } : {}), ...(end ? { end } : {}) };

  const location = addLocation(entries, pv1);
  if (location) encounter.location = [{ location: { reference: location } }];
  const visit = identifier[0];
  if (visit) entries.put(encounter, context.sender, visit.system ?? "", visit.value ?? "");
  else entries.put(encounter, context.sender, "message", context.controlId);
}

function readDateTime(entries: MessageEntries, pv1: Hl7Segment, field: number, outcome: string): string | undefined {
  const value = hl7Value(pv1, field);
  const dateTime = toFhirDateTime(value);
  if (value !== "" && !dateTime) entries.warn({ field: `PV1-${field}`, value, expected: "a date-time as YYYYMMDD[HHMM[SS]][+/-ZZZZ]", outcome });
  return dateTime;
}

function encounterStatus(event: string, discharged: boolean): Encounter["status"] {
  switch (event) {
    case "A03":
      return "finished";
    case "A04":
      return "arrived";
    case "A08":
      return discharged ? "finished" : "in-progress";
    default:
      return "in-progress";
  }
}

/** Adds the Location of PV1-3 (point of care^room^bed^facility), matched by those parts; undefined when PV1-3 is empty. */
function addLocation(entries: MessageEntries, pv1: Hl7Segment): string | undefined {
  const pl = hl7Repetitions(pv1, 3)[0];
  const parts = [hl7Component(pl, 4), hl7Component(pl, 1), hl7Component(pl, 2), hl7Component(pl, 3)];
  if (parts.every((part) => part === "")) return undefined;

  const identifier = { system: locationSystem, value: parts.join("^") };
  const location: Location = { resourceType: "Location", identifier: [identifier], name: parts.filter((part) => part !== "").join(" "), mode: "instance" };
  return entries.createIfNoneExist(location, identifier);
}
