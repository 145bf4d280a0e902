import type { Procedure } from "fhir/r4";

import type { Code } from "./clinical-catalog";
import { codeSystems } from "./code-systems";

/** Procedures the generator records, each coded in SNOMED CT and CPT. */
export const procedureCodes = {
  mammogram: { snomed: { code: "24623002", display: "Screening mammography" }, cpt: { code: "77067", display: "Screening mammography, bilateral" } },
  colonoscopy: { snomed: { code: "73761001", display: "Colonoscopy" }, cpt: { code: "45378", display: "Colonoscopy, flexible, diagnostic" } },
  a1cTest: { snomed: { code: "43396009", display: "Hemoglobin A1c measurement" }, cpt: { code: "83036", display: "Hemoglobin A1c (glycated hemoglobin) test" } },
} as const;

/** Inputs of buildProcedure; performed is a FHIR dateTime. */
export interface ProcedureSpec {
  id: string;
  patientId: string;
  procedure: keyof typeof procedureCodes;
  performed: string;
  performerId: string;
  encounterId: string | null;
  locationId: string | null;
  reason: Code | null;
}

/** Builds a completed Procedure. Screenings done before the claims history have no encounter. */
export function buildProcedure(spec: ProcedureSpec): Procedure {
  const codes = procedureCodes[spec.procedure];

  return {
    resourceType: "Procedure",
    id: spec.id,
    status: "completed",
    code: {
      coding: [
        { system: codeSystems.snomed, ...codes.snomed },
        { system: codeSystems.cpt, ...codes.cpt },
      ],
      text: codes.snomed.display,
    },
    subject: { reference: `Patient/${spec.patientId}` },
    ...(spec.encounterId && { encounter: { reference: `Encounter/${spec.encounterId}` } }),
    performedDateTime: spec.performed,
    performer: [{ actor: { reference: `Practitioner/${spec.performerId}` } }],
    ...(spec.locationId && { location: { reference: `Location/${spec.locationId}` } }),
    ...(spec.reason && { reasonCode: [{ coding: [{ system: codeSystems.icd10cm, ...spec.reason }], text: spec.reason.display }] }),
  };
}
