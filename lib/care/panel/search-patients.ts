import type { Patient } from "fhir/r4";

import type { Database } from "../../db/database";
import { normalizeSearchString } from "../../fhir/normalize-search-string";
import type { PanelPatient } from "./panel-patient";
import { toPanelPatients } from "./to-panel-patients";

/** Most patients one search lists; the admin narrows the search for more. */
export const patientSearchLimit = 25;

/**
 * Finds current Patients by exact id or by name: every word must appear in some part of one of
 * the Patient's names, accents and case ignored. For admins assigning panels.
 */
export async function searchPatients(db: Database, text: string): Promise<PanelPatient[]> {
  const trimmed = text.trim();
  const words = normalizeSearchString(trimmed).split(" ").filter((word) => word.length > 0);
  if (words.length === 0) return [];

  const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  const rows = await db.sql.query<{ id: string; content: Patient | null }>(
    `SELECT r.id, v.content FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE r.resource_type = 'Patient' AND NOT r.deleted
       AND (r.id = $1 OR NOT EXISTS (
         SELECT 1 FROM unnest($2::text[]) AS word(pattern)
         WHERE NOT EXISTS (SELECT 1 FROM search_string s WHERE s.resource_type = 'Patient' AND s.resource_id = r.id
           AND s.param = 'name' AND s.value LIKE word.pattern ESCAPE '\\')))
     ORDER BY (r.id = $1) DESC, r.id
     LIMIT $3`,
    [trimmed, patterns, patientSearchLimit],
  );
  return toPanelPatients(rows);
}
