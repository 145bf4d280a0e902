import type { CodeableConcept } from "fhir/r4";

import { hl7Component, type Hl7Repetition } from "./hl7-message";
import { toCodings } from "./hl7-identifier";

/** Converts a CE/CWE to a CodeableConcept with its codings and text; undefined when it holds neither a code nor a text. */
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
