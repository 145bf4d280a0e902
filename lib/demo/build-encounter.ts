import type { Coding, Encounter } from "fhir/r4";

import type { CareSite, PractitionerInfo } from "./build-provider-directory";
import { codeSystems } from "./code-systems";
import { toFhirDateTime } from "./demo-calendar";

const classOf = {
  AMB: { system: codeSystems.v3ActCode, code: "AMB", display: "ambulatory" },
  EMER: { system: codeSystems.v3ActCode, code: "EMER", display: "emergency" },
  IMP: { system: codeSystems.v3ActCode, code: "IMP", display: "inpatient encounter" },
} as const;

/** Inputs of buildEncounter; times are a day plus minutes after local midnight. */
export interface EncounterSpec {
  id: string;
  patientId: string;
  encounterClass: keyof typeof classOf;
  /** Each coding becomes its own Encounter.type entry, e.g. one SNOMED CT and one CPT. */
  types: Coding[];
  start: { day: number; minute: number };
  end: { day: number; minute: number };
  practitioner: PractitionerInfo;
  site: CareSite;
  reason: Coding;
  conditionIds: readonly string[];
}

/** Builds a finished Encounter. Inpatient stays record a discharge home. */
export function buildEncounter(spec: EncounterSpec): Encounter {
  return {
    resourceType: "Encounter",
    id: spec.id,
    status: "finished",
    class: classOf[spec.encounterClass],
    type: spec.types.map((coding) => ({ coding: [coding], text: coding.display })),
    subject: { reference: `Patient/${spec.patientId}` },
    participant: [
      {
        type: [{ coding: [{ system: codeSystems.v3ParticipationType, code: "PPRF", display: "primary performer" }] }],
        individual: { reference: `Practitioner/${spec.practitioner.id}`, display: spec.practitioner.display },
      },
    ],
    period: {
      start: toFhirDateTime(spec.start.day, spec.start.minute),
      end: toFhirDateTime(spec.end.day, spec.end.minute),
    },
    reasonCode: [{ coding: [spec.reason], text: spec.reason.display }],
    ...(spec.conditionIds.length > 0 && {
      diagnosis: spec.conditionIds.map((id, position) => ({ condition: { reference: `Condition/${id}` }, rank: position + 1 })),
    }),
    ...(spec.encounterClass === "IMP" && {
      hospitalization: {
        dischargeDisposition: { coding: [{ system: codeSystems.dischargeDisposition, code: "home", display: "Home" }] },
      },
    }),
    location: [{ location: { reference: `Location/${spec.site.locationId}`, display: spec.site.name } }],
    serviceProvider: { reference: `Organization/${spec.site.organizationId}`, display: spec.site.name },
  };
}
