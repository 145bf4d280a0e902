import type { Communication, Task } from "fhir/r4";

import type { Database } from "../db/database";

type PatientResourceType = "Task" | "Communication";

interface ResourceOfType {
  Task: Task;
  Communication: Communication;
}

/**
 * Lists the current Tasks or Communications whose `patient` search parameter names the patient
 * (Task.for, Communication.subject), newest change first. The caller must have checked that it
 * may see the patient.
 */
export async function listPatientResources<K extends PatientResourceType>(db: Database, patientId: string, resourceType: K): Promise<ResourceOfType[K][]> {
  const rows = await db.sql.query<{ content: ResourceOfType[K] }>(
    `SELECT v.content FROM search_reference ref
     JOIN resource r ON r.resource_type = ref.resource_type AND r.id = ref.resource_id AND NOT r.deleted
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE ref.resource_type = $1 AND ref.param = 'patient' AND ref.target_type = 'Patient' AND ref.target_id = $2
     ORDER BY r.last_updated DESC, r.id`,
    [resourceType, patientId],
  );
  return rows.map((row) => row.content);
}
