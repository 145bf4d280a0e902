import { assertAccess } from "../access/assert-access";
import type { Database } from "../db/database";

/**
 * Throws not-found unless the patient is on the care manager's panel and stored as a current
 * Patient. It throws not-found rather than forbidden, so a forged id reveals nothing about patients off the panel.
 * The panel row is loaded here, and the access policy (lib/access) decides.
 */
export async function assertOnPanel(db: Database, careManagerId: string, patientId: string): Promise<void> {
  const rows = await db.sql.query<{ patient_id: string }>(
    `SELECT member.patient_id FROM care_panel_member member
     JOIN resource r ON r.resource_type = 'Patient' AND r.id = member.patient_id AND NOT r.deleted
     WHERE member.care_manager_id = $1::uuid AND member.patient_id = $2`,
    [careManagerId, patientId],
  );
  const actor = { kind: "care-manager", id: careManagerId, panelPatientIds: rows.map((row) => row.patient_id) } as const;
  assertAccess(actor, { kind: "compartment", resourceType: "Patient", patientIds: [patientId] }, `Patient/${patientId} is not on this care manager's panel; open a patient from the worklist.`);
}
