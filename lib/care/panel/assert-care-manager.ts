import type { Database } from "../../db/database";
import { FhirError } from "../../fhir/fhir-error";

/** Throws invalid unless the id is a care manager account. */
export async function assertCareManager(db: Database, careManagerId: string): Promise<void> {
  const user = await db.prisma.user.findUnique({ where: { id: careManagerId }, select: { role: true } });
  if (user?.role !== "care_manager") {
    throw new FhirError("invalid", `User ${careManagerId} is not a care manager account; pick one from the list.`);
  }
}
