import type { Immunization } from "fhir/r4";

import type { Code } from "./clinical-catalog";
import { codeSystems } from "./code-systems";

/** Inputs of buildImmunization; occurrence is a FHIR dateTime. */
export interface ImmunizationSpec {
  id: string;
  patientId: string;
  vaccine: Code;
  occurrence: string;
  lotNumber: string;
  locationId: string;
}

/** Builds a completed intramuscular Immunization coded in CVX. */
export function buildImmunization(spec: ImmunizationSpec): Immunization {
  return {
    resourceType: "Immunization",
    id: spec.id,
    status: "completed",
    vaccineCode: { coding: [{ system: codeSystems.cvx, ...spec.vaccine }], text: spec.vaccine.display },
    patient: { reference: `Patient/${spec.patientId}` },
    occurrenceDateTime: spec.occurrence,
    primarySource: true,
    location: { reference: `Location/${spec.locationId}` },
    lotNumber: spec.lotNumber,
    route: {
      coding: [{ system: codeSystems.v3RouteOfAdministration, code: "IM", display: "Injection, intramuscular" }],
    },
  };
}
