import type { Condition } from "fhir/r4";

import type { DiagnosisCodes } from "./clinical-catalog";
import { codeSystems } from "./code-systems";

/** Inputs of buildCondition; onset, recorded and abatement are FHIR dateTimes. */
export interface ConditionSpec {
  id: string;
  patientId: string;
  codes: DiagnosisCodes;
  category: "problem-list-item" | "encounter-diagnosis";
  onset: string;
  recorded: string;
  /** Present for a resolved condition. */
  abatement: string | null;
  encounterId: string | null;
}

const categoryDisplay = { "problem-list-item": "Problem List Item", "encounter-diagnosis": "Encounter Diagnosis" } as const;

/** Builds a confirmed Condition coded in SNOMED CT and ICD-10-CM; it is resolved when it has an abatement. */
export function buildCondition(spec: ConditionSpec): Condition {
  const status = spec.abatement ? { code: "resolved", display: "Resolved" } : { code: "active", display: "Active" };

  return {
    resourceType: "Condition",
    id: spec.id,
    clinicalStatus: { coding: [{ system: codeSystems.conditionClinical, ...status }] },
    verificationStatus: { coding: [{ system: codeSystems.conditionVerification, code: "confirmed", display: "Confirmed" }] },
    category: [{ coding: [{ system: codeSystems.conditionCategory, code: spec.category, display: categoryDisplay[spec.category] }] }],
    code: {
      coding: [
        { system: codeSystems.snomed, ...spec.codes.snomed },
        { system: codeSystems.icd10cm, ...spec.codes.icd10 },
      ],
      text: spec.codes.snomed.display,
    },
    subject: { reference: `Patient/${spec.patientId}` },
    ...(spec.encounterId && { encounter: { reference: `Encounter/${spec.encounterId}` } }),
    onsetDateTime: spec.onset,
    ...(spec.abatement && { abatementDateTime: spec.abatement }),
    recordedDate: spec.recorded,
  };
}
