import type { Database } from "../db/database";
import { FhirError } from "../fhir/fhir-error";

/**
 * Throws not-found unless the patient is on the care manager's panel and stored as a current
 * Patient. It throws not-found rather than forbidden, so a forged id reveals nothing about patients off the panel.
 */
export async function assertOnPanel(db: Database, careManagerId: string, patientId: string): Promise<void> {
  const rows = await db.sql.query<{ found: number }>(
    `SELECT 1 AS found FROM care_panel_member member
     JOIN resource r ON r.resource_type = 'Patient' AND r.id = member.patient_id AND NOT r.deleted
     WHERE member.care_manager_id = $1::uuid AND member.patient_id = $2`,
    [careManagerId, patientId],
  );
  if (rows.length === 0) {
    throw new FhirError("not-found", `Patient/${patientId} is not on this care manager's panel; open a patient from the worklist.`);
  }
}
