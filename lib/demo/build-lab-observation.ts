import type { Observation, ObservationReferenceRange } from "fhir/r4";

import { codeSystems } from "./code-systems";

/**
 * Lab tests the generator reports, with LOINC code, UCUM unit and the upper limit of normal. The
 * range's text says the same bound, so the lab table and the chart's shaded band agree.
 */
export const labTests = {
  a1c: {
    loinc: { code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" },
    unit: "%",
    normalHigh: 5.6,
    rangeText: "5.6% or below",
  },
  ldl: {
    loinc: { code: "13457-7", display: "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation" },
    unit: "mg/dL",
    normalHigh: 99,
    rangeText: "99 mg/dL or below",
  },
} as const;

/** Inputs of buildLabObservation; effective is a FHIR dateTime and issued an instant. */
export interface LabObservationSpec {
  id: string;
  patientId: string;
  test: keyof typeof labTests;
  value: number;
  effective: string;
  issued: string;
  encounterId: string | null;
  performerOrganizationId: string;
}

/** Builds a final laboratory Observation with a UCUM quantity, reference range and H/N interpretation. */
export function buildLabObservation(spec: LabObservationSpec): Observation {
  const test = labTests[spec.test];
  const referenceRange: ObservationReferenceRange = {
    high: { value: test.normalHigh, unit: test.unit, system: codeSystems.ucum, code: test.unit },
    text: test.rangeText,
  };
  const high = spec.value > test.normalHigh;

  return {
    resourceType: "Observation",
    id: spec.id,
    status: "final",
    category: [{ coding: [{ system: codeSystems.observationCategory, code: "laboratory", display: "Laboratory" }] }],
    code: { coding: [{ system: codeSystems.loinc, ...test.loinc }], text: test.loinc.display },
    subject: { reference: `Patient/${spec.patientId}` },
    ...(spec.encounterId && { encounter: { reference: `Encounter/${spec.encounterId}` } }),
    effectiveDateTime: spec.effective,
    issued: spec.issued,
    performer: [{ reference: `Organization/${spec.performerOrganizationId}` }],
    valueQuantity: { value: spec.value, unit: test.unit, system: codeSystems.ucum, code: test.unit },
    interpretation: [
      {
        coding: [
          high
            ? { system: codeSystems.v3Interpretation, code: "H", display: "High" }
            : { system: codeSystems.v3Interpretation, code: "N", display: "Normal" },
        ],
      },
    ],
    referenceRange: [referenceRange],
  };
}
