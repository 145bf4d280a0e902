import type { Database } from "../../db/database";
import { FhirError } from "../../fhir/fhir-error";
import { assertCareManager } from "./assert-care-manager";

/**
 * Puts a stored, current Patient on a care manager's panel. Adding a patient already on the
 * panel changes nothing.
 */
export async function addPanelPatient(db: Database, careManagerId: string, patientId: string): Promise<void> {
  await assertCareManager(db, careManagerId);
  const rows = await db.sql.query<{ id: string }>("SELECT id FROM resource WHERE resource_type = 'Patient' AND id = $1 AND NOT deleted", [patientId]);
  if (rows.length === 0) {
    throw new FhirError("invalid", `Patient/${patientId} is not stored; search for the patient and add them from the results.`);
  }
  await db.prisma.carePanelMember.createMany({ data: [{ careManagerId, patientId }], skipDuplicates: true });
}
