import type { Observation } from "fhir/r4";

import { codeSystems } from "./code-systems";

/** Inputs shared by the vital-sign Observation builders. */
export interface VitalSignContext {
  id: string;
  patientId: string;
  encounterId: string;
  effective: string;
  practitionerId: string;
}

const mmHg = { unit: "mmHg", system: codeSystems.ucum, code: "mm[Hg]" } as const;

/** Builds a blood pressure panel (LOINC 85354-9) with systolic and diastolic components, per the R4 bp profile. */
export function buildBloodPressure(context: VitalSignContext, systolic: number, diastolic: number): Observation {
  return {
    ...vitalSignBase(context, "http://hl7.org/fhir/StructureDefinition/bp"),
    code: { coding: [{ system: codeSystems.loinc, code: "85354-9", display: "Blood pressure panel with all children optional" }], text: "Blood pressure" },
    component: [
      { code: { coding: [{ system: codeSystems.loinc, code: "8480-6", display: "Systolic blood pressure" }] }, valueQuantity: { value: systolic, ...mmHg } },
      { code: { coding: [{ system: codeSystems.loinc, code: "8462-4", display: "Diastolic blood pressure" }] }, valueQuantity: { value: diastolic, ...mmHg } },
    ],
  };
}

/** Builds an adult BMI Observation (LOINC 39156-5) with the 18.5 to 24.9 kg/m2 normal range. */
export function buildBodyMassIndex(context: VitalSignContext, bmi: number): Observation {
  const kgPerSquareMeter = { unit: "kg/m2", system: codeSystems.ucum, code: "kg/m2" } as const;
  return {
    ...vitalSignBase(context, "http://hl7.org/fhir/StructureDefinition/bmi"),
    code: { coding: [{ system: codeSystems.loinc, code: "39156-5", display: "Body mass index (BMI) [Ratio]" }], text: "BMI" },
    valueQuantity: { value: bmi, ...kgPerSquareMeter },
    referenceRange: [{ low: { value: 18.5, ...kgPerSquareMeter }, high: { value: 24.9, ...kgPerSquareMeter }, text: "Healthy weight: 18.5 to 24.9" }],
  };
}

function vitalSignBase(context: VitalSignContext, profile: string): Omit<Observation, "code"> {
  return {
    resourceType: "Observation",
    id: context.id,
    meta: { profile: [profile] },
    status: "final",
    category: [{ coding: [{ system: codeSystems.observationCategory, code: "vital-signs", display: "Vital Signs" }] }],
    subject: { reference: `Patient/${context.patientId}` },
    encounter: { reference: `Encounter/${context.encounterId}` },
    effectiveDateTime: context.effective,
    performer: [{ reference: `Practitioner/${context.practitionerId}` }],
  };
}
