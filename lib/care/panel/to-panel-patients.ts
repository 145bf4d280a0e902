import type { Patient } from "fhir/r4";

import { toDisplayName } from "../../claims/to-display-name";
import type { PanelPatient } from "./panel-patient";

/** Maps stored Patient bodies to the panel admin page's rows. */
export function toPanelPatients(rows: readonly { id: string; content: Patient | null }[]): PanelPatient[] {
  return rows.map((row) => ({ id: row.id, name: toDisplayName(row.content?.name), birthDate: row.content?.birthDate ?? null }));
}
