import type { FhirStore } from "../fhir/store/fhir-store";
import { logger } from "../log/logger";
import { getLabResults, type LabResults } from "./get-lab-results";
import { listAllergies } from "./list-allergies";
import { listConditions } from "./list-conditions";
import { listEncounters } from "./list-encounters";
import { listImmunizations } from "./list-immunizations";
import { listMedications } from "./list-medications";
import { listProcedures } from "./list-procedures";
import type { AllergyView } from "./to-allergy-view";
import type { ConditionView } from "./to-condition-view";
import type { EncounterView } from "./to-encounter-view";
import type { ImmunizationView } from "./to-immunization-view";
import type { MedicationView } from "./to-medication-view";
import type { ProcedureView } from "./to-procedure-view";

/** Every section of one patient's health record, as view models. */
export interface HealthRecord {
  encounters: EncounterView[];
  conditions: ConditionView[];
  medications: MedicationView[];
  immunizations: ImmunizationView[];
  allergies: AllergyView[];
  labs: LabResults;
  procedures: ProcedureView[];
}

/** Loads every section of the patient's health record, one compartment read per resource type. */
export async function getHealthRecord(store: FhirStore, patientId: string): Promise<HealthRecord> {
  const startedAt = performance.now();
  const [encounters, conditions, medications, immunizations, allergies, labs, procedures] = await Promise.all([
    listEncounters(store, patientId),
    listConditions(store, patientId),
    listMedications(store, patientId),
    listImmunizations(store, patientId),
    listAllergies(store, patientId),
    getLabResults(store, patientId),
    listProcedures(store, patientId),
  ]);

  logger.info({ encounters: encounters.length, labResults: labs.results.length, durationMs: Math.round(performance.now() - startedAt) }, "health record loaded");
  return { encounters, conditions, medications, immunizations, allergies, labs, procedures };
}
