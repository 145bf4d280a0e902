import type { SessionUser } from "../auth/session-user";
import type { Database } from "../db/database";
import type { Actor } from "./actor";
import { toSessionActor } from "./to-session-actor";

/**
 * Loads the actor of a signed-in user, with a care manager's panel from care_panel_member. A
 * member gets no dependents: pages add the dependent they view after checking the signed
 * viewing cookie (requireMemberRecord), and the FHIR API serves the member's own record only.
 */
export async function loadActor(db: Database, user: SessionUser): Promise<Actor> {
  if (user.role !== "care_manager") return toSessionActor(user);

  const rows = await db.sql.query<{ patient_id: string }>("SELECT patient_id FROM care_panel_member WHERE care_manager_id = $1 ORDER BY patient_id", [user.id]);
  return toSessionActor(user, { panelPatientIds: rows.map((row) => row.patient_id) });
}
