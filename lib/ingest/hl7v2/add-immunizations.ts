import type { Immunization } from "fhir/r4";

import type { MessageEntries } from "../message/message-entries";
import { hl7Component, hl7Repetitions, hl7Value, type Hl7Message, type Hl7Segment } from "./hl7-message";
import { toCodeableConcept } from "./to-codeable-concept";
import { toFhirDate, toFhirDateTime } from "./hl7-date-time";
import { toUcumUnit } from "./to-ucum-unit";

// Immunization messages send 999 in RXA-6 when the amount given is unknown.
const unknownAmount = "999";
const refusedOrNotGiven = new Set(["RE", "NA"]);

/**
 * Adds one Immunization per RXA of a VXU^V04, with vaccine (RXA-5, CVX or NDC), date (RXA-3),
 * dose (RXA-6, RXA-7), lot (RXA-15), expiration (RXA-16) and manufacturer (RXA-17). The status
 * comes from the completion status (RXA-20): CP and PA are completed, RE and NA not-done with
 * the reason of RXA-18. Action code D (RXA-21) gives entered-in-error. Route and site come from
 * the RXR after the RXA. Ids come from the sender and the order's filler number (ORC-3, else the
 * message control id).
 */
export function addImmunizations(entries: MessageEntries, message: Hl7Message, patient: string, context: { sender: string; controlId: string }): void {
  let orc: Hl7Segment | undefined;
  message.segments.forEach((segment, index) => {
    if (segment.name === "ORC") orc = segment;
    if (segment.name !== "RXA") return;

    const rxr = message.segments[index + 1]?.name === "RXR" ? message.segments[index + 1] : undefined;
    const immunization = toImmunization(segment, rxr, patient);
    if (!immunization) return;
    const filler = hl7Value(orc, 3);
    const key = filler !== "" ? `order:${filler}^${hl7Value(orc, 3, 2)}` : `message:${context.controlId}`;
    entries.put(immunization, context.sender, key, String(index));
  });
}

function toImmunization(rxa: Hl7Segment, rxr: Hl7Segment | undefined, patient: string): Immunization | undefined {
  const vaccineCode = toCodeableConcept(hl7Repetitions(rxa, 5)[0]);
  const occurrenceDateTime = toFhirDateTime(hl7Value(rxa, 3));
  if (!vaccineCode || !occurrenceDateTime) return undefined;

  const immunization: Immunization = { resourceType: "Immunization", status: immunizationStatus(rxa), vaccineCode, patient: { reference: patient }, occurrenceDateTime };
  const reason = toCodeableConcept(hl7Repetitions(rxa, 18)[0]);
  if (reason && immunization.status === "not-done") immunization.statusReason = reason;
  const source = hl7Value(rxa, 9);
  if (source === "00" || source === "01") immunization.primarySource = source === "00";
  addProduct(immunization, rxa);
  const route = toCodeableConcept(hl7Repetitions(rxr, 1)[0]);
  if (route) immunization.route = route;
  const site = toCodeableConcept(hl7Repetitions(rxr, 2)[0]);
  if (site) immunization.site = site;
  return immunization;
}

function immunizationStatus(rxa: Hl7Segment): Immunization["status"] {
  if (hl7Value(rxa, 21).toUpperCase() === "D") return "entered-in-error";
  return refusedOrNotGiven.has(hl7Value(rxa, 20).toUpperCase()) ? "not-done" : "completed";
}

function addProduct(immunization: Immunization, rxa: Hl7Segment): void {
  const amount = hl7Value(rxa, 6);
  if (amount !== "" && amount !== unknownAmount && /^\d+(\.\d+)?$/.test(amount)) {
    immunization.doseQuantity = { value: Number(amount), ...toUcumUnit(hl7Repetitions(rxa, 7)[0]) };
  }
  const lot = hl7Value(rxa, 15);
  if (lot !== "") immunization.lotNumber = lot;
  const expirationDate = toFhirDate(hl7Value(rxa, 16).slice(0, 8));
  if (expirationDate) immunization.expirationDate = expirationDate;
  const manufacturer = hl7Repetitions(rxa, 17)[0];
  const name = hl7Component(manufacturer, 2) || hl7Component(manufacturer, 1);
  if (name !== "") immunization.manufacturer = { display: name };
}
