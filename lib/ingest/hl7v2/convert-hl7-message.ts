import { createHash } from "node:crypto";

import type { Patient } from "fhir/r4";

import type { ConvertedMessage } from "../message/converted-message";
import { MessageEntries } from "../message/message-entries";
import type { MessageFailure } from "../message/message-failure";
import { provenanceOfMessage } from "../provenance-of-message";
import { addEncounter } from "./add-encounter";
import { addImmunizations } from "./add-immunizations";
import { addLabResults } from "./add-lab-results";
import { findSegment, hl7Value, type Hl7Message } from "./hl7-message";
import { systemOfAuthority } from "./to-identifier";
import { toFhirInstant } from "./hl7-date-time";
import { toIdentifiers, toPatient } from "./to-patient";

/** The system of Provenance.entity identifiers that hold an MSH-10 message control id. */
export const messageControlIdSystem = "urn:lakeview:hl7v2:message-control-id";
const encounterEvents = new Set(["A01", "A03", "A04", "A08"]);

interface MessageContext {
  sender: string;
  senderSystem: string;
  controlId: string;
  recorded: string;
}

/**
 * Converts one HL7 v2 message to transaction entries. Every message with a PID gives its
 * Patient, which ADT messages update and the others create when absent. ADT A01, A03, A04 and
 * A08 add an Encounter, and A40 links the surviving and the merged Patient. ORU^R01 adds
 * Observations and DiagnosticReports, and VXU^V04 adds Immunizations. Other message types give
 * only the Patient, and a Provenance names every converted resource. Returns a failure naming
 * the segment when MSH-7, MSH-10 or a needed PID-3 is missing. Other invalid values are left
 * out with a warning (see docs/hl7v2-x12.md for the fields).
 */
export function convertHl7Message(message: Hl7Message): ConvertedMessage | MessageFailure {
  const msh = message.segments[0];
  const fail = (segment: string, reason: string): MessageFailure => ({ line: message.line, segment, reason: `Message at line ${message.line}, segment ${segment}: ${reason}`, text: message.text });
  const controlId = hl7Value(msh, 10);
  if (controlId === "") return fail("MSH", "MSH-10 (message control id) is empty; the import needs it to recognize the message when it is sent again.");
  const recorded = toFhirInstant(hl7Value(msh, 7));
  if (!recorded) return fail("MSH", `MSH-7 "${hl7Value(msh, 7)}" is not a date-time such as 20260304120000-0500.`);

  const sender = hl7Value(msh, 4) || hl7Value(msh, 4, 2) || hl7Value(msh, 3);
  const context: MessageContext = { sender, controlId, recorded, senderSystem: systemOfAuthority(sender, "") ?? "urn:lakeview:hl7v2:authority:unknown" };
  const converted: ConvertedMessage = { line: message.line, text: message.text, controlId, warnings: [], entries: [], mergedPatients: [], claimReferences: [] };
  const entries = new MessageEntries();
  const issue = addContent(entries, converted, message, context);
  if (issue) return fail(issue.segment, issue.reason);

  if (entries.entries.length > 0) {
    const provenance = provenanceOfMessage(entries.references(), { sender, recorded, entities: [{ system: messageControlIdSystem, value: controlId }] });
    // Senders reuse control ids, so the text's hash keeps two different messages apart.
    entries.put(provenance, sender, "provenance", controlId, createHash("sha256").update(message.text).digest("hex"));
  }
  converted.entries = entries.entries;
  converted.warnings = entries.warnings;
  return converted;
}

function addContent(entries: MessageEntries, converted: ConvertedMessage, message: Hl7Message, context: MessageContext): { segment: string; reason: string } | undefined {
  const msh = message.segments[0];
  const type = hl7Value(msh, 9).toUpperCase();
  const event = (hl7Value(msh, 9, 2) || hl7Value(findSegment(message, "EVN"), 1)).toUpperCase();
  const pid = findSegment(message, "PID");
  if (!pid) return type === "ADT" || type === "ORU" || type === "VXU" ? { segment: "PID", reason: `${type} message has no PID segment, so its data has no patient.` } : undefined;

  const fromPid = toPatient(pid, context.senderSystem, entries.warn);
  if (!fromPid) return { segment: "PID", reason: "PID-3 (patient identifier list) is empty, so the patient cannot be matched." };
  const { patient, key } = fromPid;

  if (type === "ADT" && event === "A40") return addMerge(entries, converted, message, patient, key, context);
  const reference = type === "ADT" ? entries.updateByIdentifier(patient, key) : entries.createIfNoneExist(patient, key);
  const pv1 = findSegment(message, "PV1");
  if (type === "ADT" && encounterEvents.has(event) && pv1) addEncounter(entries, pv1, event, reference, context);
  if (type === "ORU" && event === "R01") addLabResults(entries, message, reference, context);
  if (type === "VXU" && event === "V04") addImmunizations(entries, message, reference, context);
  return undefined;
}

/** A40: the PID Patient survives and `replaces` the MRG-1 Patient, which becomes inactive and `replaced-by` the survivor. */
function addMerge(entries: MessageEntries, converted: ConvertedMessage, message: Hl7Message, survivor: Patient, key: NonNullable<ReturnType<typeof toPatient>>["key"], context: MessageContext): { segment: string; reason: string } | undefined {
  const mrg = findSegment(message, "MRG");
  const mergedIds = toIdentifiers(mrg?.fields[1] ?? [], context.senderSystem);
  const mergedKey = mergedIds[0];
  if (!mergedKey) return { segment: "MRG", reason: "A40 merge has no MRG-1 (prior patient identifier), so there is no patient to merge." };

  const merged: Patient = { resourceType: "Patient", identifier: mergedIds, active: false };
  const mergedUrl = entries.updateByIdentifier(merged, { system: mergedKey.system, value: mergedKey.value });
  survivor.link = [{ other: { reference: mergedUrl }, type: "replaces" }];
  const survivorUrl = entries.updateByIdentifier(survivor, key);
  merged.link = [{ other: { reference: survivorUrl }, type: "replaced-by" }];
  converted.mergedPatients.push({ fullUrl: mergedUrl, identifier: { system: mergedKey.system, value: mergedKey.value } });
  return undefined;
}
