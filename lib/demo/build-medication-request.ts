import type { MedicationRequest } from "fhir/r4";

import type { PractitionerInfo } from "./build-provider-directory";
import type { MedicationKind } from "./clinical-catalog";
import { medications } from "./clinical-catalog";
import { codeSystems } from "./code-systems";

/** Inputs of buildMedicationRequest; authoredOn is a FHIR dateTime. */
export interface MedicationRequestSpec {
  id: string;
  patientId: string;
  medication: MedicationKind;
  status: "active" | "completed";
  authoredOn: string;
  requester: PractitionerInfo;
  reasonConditionId: string | null;
  encounterId: string | null;
  daysSupply: number;
  refills: number;
}

/** Builds an outpatient order for an RxNorm-coded drug with free-text dosage and a dispense request. */
export function buildMedicationRequest(spec: MedicationRequestSpec): MedicationRequest {
  const drug = medications[spec.medication];
  const quantity = quantityPerFill(spec.medication, spec.daysSupply);

  return {
    resourceType: "MedicationRequest",
    id: spec.id,
    status: spec.status,
    intent: "order",
    category: [{ coding: [{ system: codeSystems.medicationRequestCategory, code: "community", display: "Community" }] }],
    medicationCodeableConcept: { coding: [{ system: codeSystems.rxnorm, ...drug.rxnorm }], text: drug.rxnorm.display },
    subject: { reference: `Patient/${spec.patientId}` },
    ...(spec.encounterId && { encounter: { reference: `Encounter/${spec.encounterId}` } }),
    authoredOn: spec.authoredOn,
    requester: { reference: `Practitioner/${spec.requester.id}`, display: spec.requester.display },
    ...(spec.reasonConditionId && { reasonReference: [{ reference: `Condition/${spec.reasonConditionId}` }] }),
    dosageInstruction: [{ sequence: 1, text: drug.dosage }],
    dispenseRequest: {
      numberOfRepeatsAllowed: spec.refills,
      quantity: { value: quantity.value, unit: quantity.unit },
      expectedSupplyDuration: { value: spec.daysSupply, unit: "days", system: codeSystems.ucum, code: "d" },
    },
  };
}

/** Returns how many units one fill dispenses: one inhaler, a whole course, or daily units times days. */
export function quantityPerFill(medication: MedicationKind, daysSupply: number): { value: number; unit: string } {
  const drug = medications[medication];
  if (drug.course) return { value: drug.course.units, unit: unitName(medication) };
  if (drug.unitsPerDay === 0) return { value: 1, unit: "inhaler" };
  return { value: drug.unitsPerDay * daysSupply, unit: unitName(medication) };
}

function unitName(medication: MedicationKind): string {
  return medications[medication].rxnorm.display.includes("Capsule") ? "capsule" : "tablet";
}
