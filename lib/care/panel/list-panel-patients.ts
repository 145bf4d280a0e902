import type { Patient } from "fhir/r4";

import type { Database } from "../../db/database";
import type { PanelPatient } from "./panel-patient";
import { toPanelPatients } from "./to-panel-patients";

/** Lists the patients on a care manager's panel by id, with the name of each stored Patient. */
export async function listPanelPatients(db: Database, careManagerId: string): Promise<PanelPatient[]> {
  const rows = await db.sql.query<{ id: string; content: Patient | null }>(
    `SELECT member.patient_id AS id, v.content FROM care_panel_member member
     LEFT JOIN resource r ON r.resource_type = 'Patient' AND r.id = member.patient_id AND NOT r.deleted
     LEFT JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE member.care_manager_id = $1::uuid
     ORDER BY member.patient_id`,
    [careManagerId],
  );
  return toPanelPatients(rows);
}
