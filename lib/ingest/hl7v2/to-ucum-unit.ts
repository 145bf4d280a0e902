import type { Quantity } from "fhir/r4";

import { hl7Component, type Hl7Repetition } from "./hl7-message";

const ucumSystem = "http://unitsofmeasure.org";

// Unit spellings common in lab results whose UCUM code differs, or that are UCUM as written.
const ucumCodes: Record<string, string> = {
  "beats/min": "/min",
  "/min": "/min",
  bpm: "/min",
  "breaths/min": "/min",
  mmhg: "mm[Hg]",
  "mm[hg]": "mm[Hg]",
  "mg/dl": "mg/dL",
  "g/dl": "g/dL",
  "mmol/l": "mmol/L",
  "meq/l": "meq/L",
  "u/l": "U/L",
  "iu/l": "[IU]/L",
  "ng/ml": "ng/mL",
  "pg/ml": "pg/mL",
  "k/ul": "10*3/uL",
  "10*3/ul": "10*3/uL",
  "10^3/ul": "10*3/uL",
  "x10e3/ul": "10*3/uL",
  "m/ul": "10*6/uL",
  "10*6/ul": "10*6/uL",
  "10^6/ul": "10*6/uL",
  "x10e6/ul": "10*6/uL",
  fl: "fL",
  pg: "pg",
  "%": "%",
  kg: "kg",
  g: "g",
  lb: "[lb_av]",
  lbs: "[lb_av]",
  cm: "cm",
  in: "[in_i]",
  degf: "[degF]",
  degc: "Cel",
  cel: "Cel",
  "kg/m2": "kg/m2",
  ml: "mL",
  l: "L",
  "ml/min/1.73m2": "mL/min/{1.73_m2}",
  "s": "s",
  sec: "s",
  min: "min",
  h: "h",
  hr: "h",
};

/**
 * Builds the unit part of a Quantity from a CE/CWE unit (OBX-6, RXA-7): the UCUM code when the
 * unit names UCUM as its system or is a known spelling of a UCUM unit, else the unit text only.
 */
export function toUcumUnit(unit: Hl7Repetition | undefined): Pick<Quantity, "unit" | "system" | "code"> {
  const code = hl7Component(unit, 1);
  const text = hl7Component(unit, 2) || code;
  if (code === "") return {};
  const ucum = hl7Component(unit, 3).toUpperCase() === "UCUM" ? code : ucumCodes[code.toLowerCase()];
  return ucum === undefined ? { unit: text } : { unit: text, system: ucumSystem, code: ucum };
}
