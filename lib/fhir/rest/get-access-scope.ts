import type { Database } from "../../db/database";
import type { SessionUser } from "../../auth/session-user";
import type { AccessScope } from "../search/access-scope";

/**
 * Returns what a signed-in portal user may read through the FHIR API: a member their own
 * Patient compartment, a care manager the compartments of the patients on their panel, and an
 * admin everything. A member account not linked to a Patient gets only the directory types.
 * A SMART access token of a staff user starts from this scope too (lib/smart/get-token-access.ts).
 */
export async function getAccessScope(db: Database, user: SessionUser): Promise<AccessScope> {
  switch (user.role) {
    case "admin":
      return { kind: "all" };
    case "member":
      return { kind: "patients", patientIds: user.patientId ? [user.patientId] : [] };
    case "care_manager": {
      const rows = await db.sql.query<{ patient_id: string }>("SELECT patient_id FROM care_panel_member WHERE care_manager_id = $1 ORDER BY patient_id", [user.id]);
      return { kind: "patients", patientIds: rows.map((row) => row.patient_id) };
    }
  }
}
