import type { AllergyIntolerance } from "fhir/r4";

import { allergies } from "./clinical-catalog";
import { codeSystems } from "./code-systems";
import type { AllergyKind } from "./demo-member";

/** Builds a confirmed, active allergy with its SNOMED CT substance and one reaction. */
export function buildAllergyIntolerance(id: string, patientId: string, kind: AllergyKind, recorded: string): AllergyIntolerance {
  const allergy = allergies[kind];

  return {
    resourceType: "AllergyIntolerance",
    id,
    clinicalStatus: { coding: [{ system: codeSystems.allergyClinical, code: "active", display: "Active" }] },
    verificationStatus: { coding: [{ system: codeSystems.allergyVerification, code: "confirmed", display: "Confirmed" }] },
    type: "allergy",
    category: [allergy.category],
    criticality: allergy.criticality,
    code: { coding: [{ system: codeSystems.snomed, ...allergy.substance }], text: allergy.substance.display },
    patient: { reference: `Patient/${patientId}` },
    recordedDate: recorded,
    reaction: [
      {
        manifestation: [{ coding: [{ system: codeSystems.snomed, ...allergy.reaction }], text: allergy.reaction.display }],
        severity: allergy.criticality === "high" ? "severe" : "mild",
      },
    ],
  };
}
