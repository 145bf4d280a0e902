import type { Annotation, DiagnosticReport, Identifier, Observation } from "fhir/r4";

import type { WarnFunction } from "../message/conversion-warning";
import type { MessageEntries } from "../message/message-entries";
import { hl7Component, hl7Repetitions, hl7Value, type Hl7Message, type Hl7Segment } from "./hl7-message";
import { systemOfAuthority } from "./to-identifier";
import { observationStatus, reportStatus } from "./observation-status";
import { toFhirDateTime, toFhirInstant } from "./hl7-date-time";
import { toObservationValue, toReferenceRange } from "./to-observation-value";
import { toCodeableConcept, toCodings } from "./to-codeable-concept";

const interpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

/** One OBR and the OBX segments after it; `obr` is undefined for OBX segments before any OBR. */
interface ResultGroup {
  obr?: Hl7Segment;
  index: number;
  observations: { obx: Hl7Segment; notes: string[] }[];
}

/**
 * Adds the results of an ORU^R01: one Observation per OBX that has a code (OBX-3), and one
 * DiagnosticReport per OBR listing them. NTE segments after an OBX become its notes. Ids come
 * from the sender, the order's filler number (OBR-3, else the message control id) and the
 * position in the message, so a corrected result sent again for the same order updates it.
 */
export function addLabResults(entries: MessageEntries, message: Hl7Message, patient: string, context: { sender: string; controlId: string }): void {
  for (const group of groupResults(message)) {
    const orderKey = orderKeyOf(group, context);
    const results = group.observations.flatMap(({ obx, notes }, index) => {
      const observation = toObservation(obx, notes, patient, group.obr, entries.warn);
      return observation ? [entries.put(observation, context.sender, orderKey, String(index))] : [];
    });
    if (group.obr) addReport(entries, group.obr, results, patient, [context.sender, orderKey]);
  }
}

function groupResults(message: Hl7Message): ResultGroup[] {
  const groups: ResultGroup[] = [{ index: 0, observations: [] }];
  for (const segment of message.segments) {
    const current = groups[groups.length - 1];
    if (segment.name === "OBR") {
      groups.push({ obr: segment, index: groups.length, observations: [] });
    } else if (segment.name === "OBX" && current) {
      current.observations.push({ obx: segment, notes: [] });
    } else if (segment.name === "NTE" && current) {
      const text = hl7Repetitions(segment, 3).map((repetition) => hl7Component(repetition, 1)).join("\n");
      const last = current.observations[current.observations.length - 1];
      if (last && text !== "") last.notes.push(text);
    }
  }
  return groups;
}

function orderKeyOf(group: ResultGroup, context: { controlId: string }): string {
  const filler = hl7Value(group.obr, 3);
  return filler !== "" ? `order:${filler}^${hl7Value(group.obr, 3, 2)}^${hl7Value(group.obr, 3, 3)}` : `message:${context.controlId}:${group.index}`;
}

function toObservation(obx: Hl7Segment, notes: string[], patient: string, obr: Hl7Segment | undefined, warn: WarnFunction): Observation | undefined {
  const code = toCodeableConcept(hl7Repetitions(obx, 3)[0]);
  if (!code) return undefined;

  // ORU^R01 carries results of orders, so each result is a laboratory Observation, the category
  // US Core's lab profile requires and the portal's lab pages and views select on.
  const observation: Observation = {
    resourceType: "Observation",
    status: readObservationStatus(obx, warn),
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory", display: "Laboratory" }] }],
    code,
    subject: { reference: patient },
    ...toObservationValue(obx),
  };
  const observed = hl7Value(obx, 14);
  if (observed !== "" && !toFhirDateTime(observed)) {
    warn({ field: "OBX-14", value: observed, expected: "a date-time as YYYYMMDD[HHMM[SS]][+/-ZZZZ]", outcome: "Observation.effectiveDateTime taken from OBR-7, or left out" });
  }
  const effective = toFhirDateTime(observed) ?? toFhirDateTime(hl7Value(obr, 7));
  if (effective) observation.effectiveDateTime = effective;
  const referenceRange = toReferenceRange(obx);
  if (referenceRange.length > 0) observation.referenceRange = referenceRange;
  const interpretation = hl7Repetitions(obx, 8).flatMap((cwe) => {
    const codings = toCodings(cwe).map((coding) => ({ ...coding, system: interpretationSystem }));
    return codings.length > 0 ? [{ coding: codings.slice(0, 1) }] : [];
  });
  if (interpretation.length > 0) observation.interpretation = interpretation;
  const note: Annotation[] = notes.map((text) => ({ text }));
  if (note.length > 0) observation.note = note;
  return observation;
}

/** OBX-11 is required, so an unknown code gives the status "unknown" with a warning. */
function readObservationStatus(obx: Hl7Segment, warn: WarnFunction): Observation["status"] {
  const code = hl7Value(obx, 11);
  const status = observationStatus(code);
  if (status === "unknown") {
    warn({ field: "OBX-11", value: code, expected: "a result status code of HL7 table 0085, such as F (final) or P (preliminary)", outcome: 'Observation.status set to "unknown"' });
  }
  return status;
}

function addReport(entries: MessageEntries, obr: Hl7Segment, results: string[], patient: string, key: string[]): void {
  const code = toCodeableConcept(hl7Repetitions(obr, 4)[0]);
  if (!code) return;

  // OBR-24 names the diagnostic service section (table 0074); LAB when the sender leaves it empty.
  const section = hl7Value(obr, 24) || "LAB";
  const report: DiagnosticReport = {
    resourceType: "DiagnosticReport",
    status: reportStatus(hl7Value(obr, 25)),
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: section }] }],
    code,
    subject: { reference: patient },
  };
  const identifier = [fillerIdentifier(obr)].flatMap((id) => id ?? []);
  if (identifier.length > 0) report.identifier = identifier;
  const effective = toFhirDateTime(hl7Value(obr, 7));
  if (effective) report.effectiveDateTime = effective;
  const issued = toFhirInstant(hl7Value(obr, 22));
  if (issued) report.issued = issued;
  if (results.length > 0) report.result = results.map((reference) => ({ reference }));
  entries.put(report, ...key);
}

/** OBR-3 (filler order number, EI: id^namespace^universal id^type) as an Identifier. */
function fillerIdentifier(obr: Hl7Segment): Identifier | undefined {
  const value = hl7Value(obr, 3);
  if (value === "") return undefined;
  const system = systemOfAuthority(hl7Value(obr, 3, 2), hl7Value(obr, 3, 3));
  return { ...(system ? { system } : {}), value, type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "FILL" }] } };
}
