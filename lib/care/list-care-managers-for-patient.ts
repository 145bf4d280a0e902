import type { Database } from "../db/database";

/** A care manager account a task can be assigned to. */
export interface CareManagerOption {
  id: string;
  name: string;
}

/** Lists the care managers who have the patient on their panel, by name, for the assign form. */
export async function listCareManagersForPatient(db: Database, patientId: string): Promise<CareManagerOption[]> {
  const users = await db.prisma.user.findMany({
    where: { role: "care_manager", panel: { some: { patientId } } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return users;
}
