import type { DiagnosticReport, Observation } from "fhir/r4";

// HL7 table 0085 (observation result status, OBX-11) and table 0123 (result status, OBR-25).
const observationStatuses: Record<string, Observation["status"]> = {
  F: "final",
  U: "final",
  C: "corrected",
  A: "amended",
  P: "preliminary",
  R: "preliminary",
  S: "preliminary",
  I: "registered",
  O: "registered",
  X: "cancelled",
  N: "cancelled",
  D: "entered-in-error",
  W: "entered-in-error",
};

/** Maps OBX-11 to Observation.status; an empty or unknown code gives "unknown". */
export function observationStatus(code: string): Observation["status"] {
  return observationStatuses[code.toUpperCase()] ?? "unknown";
}

/** Maps OBR-25 to DiagnosticReport.status, which has the same codes as Observation.status; empty or unknown gives "unknown". */
export function reportStatus(code: string): DiagnosticReport["status"] {
  return observationStatuses[code.toUpperCase()] ?? "unknown";
}
