import type { FhirStore } from "../fhir/store/fhir-store";
import { getHealthRecord } from "./get-health-record";
import type { AllergyView } from "./to-allergy-view";
import type { ConditionView } from "./to-condition-view";
import type { EncounterView } from "./to-encounter-view";
import type { MedicationView } from "./to-medication-view";

/** The health record overview: what matters now, and how many entries each section contains. */
export interface HealthSummary {
  activeConditions: ConditionView[];
  currentMedications: MedicationView[];
  /** Allergies not marked inactive or resolved. */
  allergies: AllergyView[];
  lastVisit: EncounterView | null;
  counts: {
    encounters: number;
    conditions: number;
    medications: number;
    immunizations: number;
    allergies: number;
    labResults: number;
    procedures: number;
  };
}

/** Builds the overview of one patient's health record from every section's view models. */
export async function getHealthSummary(store: FhirStore, patientId: string): Promise<HealthSummary> {
  const { encounters, conditions, medications, immunizations, allergies, labs, procedures } = await getHealthRecord(store, patientId);

  return {
    activeConditions: conditions.filter((condition) => condition.group === "active"),
    currentMedications: medications.filter((medication) => medication.group === "current"),
    allergies: allergies.filter((allergy) => allergy.status !== "inactive" && allergy.status !== "resolved"),
    lastVisit: encounters.find((encounter) => !encounter.planned) ?? null,
    counts: {
      encounters: encounters.length,
      conditions: conditions.length,
      medications: medications.length,
      immunizations: immunizations.length,
      allergies: allergies.length,
      labResults: labs.results.length,
      procedures: procedures.length,
    },
  };
}
