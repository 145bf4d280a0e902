import type { Observation, ObservationReferenceRange, Quantity } from "fhir/r4";

import { hl7Component, hl7Repetitions, hl7Value, type Hl7Repetition, type Hl7Segment } from "./hl7-message";
import { toCodeableConcept } from "./to-codeable-concept";
import { toFhirDateTime } from "./hl7-date-time";
import { toUcumUnit } from "./to-ucum-unit";

type ObservationValue = Pick<Observation, "valueQuantity" | "valueString" | "valueCodeableConcept" | "valueRange" | "valueRatio" | "valueDateTime" | "dataAbsentReason">;

const number = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const comparators = new Set(["<", "<=", ">=", ">"]);
const unsupported: ObservationValue = {
  dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unsupported" }] },
};

/**
 * Converts OBX-5 by its value type (OBX-2). NM gives a Quantity with the OBX-6 unit, and ST, TX
 * and FT give a string with one line per repetition. CE and CWE give a CodeableConcept, SN a
 * Quantity with comparator, a Range or a Ratio, and DT, TS and DTM a dateTime. Other types, and
 * values that do not parse as their type, give dataAbsentReason "unsupported". An empty OBX-5
 * gives nothing.
 */
export function toObservationValue(obx: Hl7Segment): ObservationValue {
  const values = hl7Repetitions(obx, 5);
  const first = values[0];
  if (!first) return {};
  const unit = hl7Repetitions(obx, 6)[0];

  switch (hl7Value(obx, 2).toUpperCase()) {
    case "NM":
      return toNumeric(hl7Component(first, 1), unit);
    case "ST":
    case "TX":
    case "FT":
      return { valueString: values.map((value) => value.map((component) => component.join("&")).join("^")).join("\n") };
    case "CE":
    case "CWE": {
      const concept = toCodeableConcept(first);
      return concept ? { valueCodeableConcept: concept } : unsupported;
    }
    case "SN":
      return toStructuredNumeric(first, unit);
    case "DT":
    case "TS":
    case "DTM": {
      const valueDateTime = toFhirDateTime(hl7Component(first, 1));
      return valueDateTime ? { valueDateTime } : unsupported;
    }
    default:
      return unsupported;
  }
}

function toNumeric(text: string, unit: Hl7Repetition | undefined): ObservationValue {
  const quantity = toQuantity(text, unit);
  return quantity ? { valueQuantity: quantity } : unsupported;
}

function toQuantity(text: string, unit: Hl7Repetition | undefined): Quantity | undefined {
  if (!number.test(text.trim())) return undefined;
  return { value: Number(text), ...toUcumUnit(unit) };
}

/** SN: comparator^number^separator or suffix^number, such as >^100, ^10^-^20 or ^1^:^128. */
function toStructuredNumeric(sn: Hl7Repetition, unit: Hl7Repetition | undefined): ObservationValue {
  const comparator = hl7Component(sn, 1);
  const low = toQuantity(hl7Component(sn, 2), unit);
  const separator = hl7Component(sn, 3);
  const high = toQuantity(hl7Component(sn, 4), unit);
  if (!low) return unsupported;

  if (separator === "-" && high) return { valueRange: { low, high } };
  if ((separator === ":" || separator === "/") && high) return { valueRatio: { numerator: low, denominator: high } };
  if (separator !== "" && separator !== "+") return unsupported;
  if (comparator === "" || comparator === "=") return { valueQuantity: low };
  return comparators.has(comparator) ? { valueQuantity: { ...low, comparator: comparator as Quantity["comparator"] } } : unsupported;
}

/** Converts OBX-7 ("3.5-5.0", "<10", ">60" or free text) to a reference range with the OBX-6 unit. */
export function toReferenceRange(obx: Hl7Segment): ObservationReferenceRange[] {
  const text = hl7Component(hl7Repetitions(obx, 7)[0], 1).trim();
  if (text === "") return [];
  const unit = hl7Repetitions(obx, 6)[0];

  const between = /^([+-]?[\d.]+)\s*-\s*([+-]?[\d.]+)$/.exec(text);
  const low = between ? toQuantity(between[1] ?? "", unit) : undefined;
  const high = between ? toQuantity(between[2] ?? "", unit) : undefined;
  if (low && high) return [{ low, high, text }];
  const bound = /^(<=?|>=?)\s*([+-]?[\d.]+)$/.exec(text);
  const limit = bound ? toQuantity(bound[2] ?? "", unit) : undefined;
  if (bound && limit) return [bound[1]?.startsWith("<") ? { high: limit, text } : { low: limit, text }];
  return [{ text }];
}
