import type { Database } from "../../db/database";
import { assertCareManager } from "./assert-care-manager";

/** Takes a patient off a care manager's panel; removing one who is not on it changes nothing. */
export async function removePanelPatient(db: Database, careManagerId: string, patientId: string): Promise<void> {
  await assertCareManager(db, careManagerId);
  await db.prisma.carePanelMember.deleteMany({ where: { careManagerId, patientId } });
}
