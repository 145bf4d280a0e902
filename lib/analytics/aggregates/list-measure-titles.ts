import type { Database } from "../../db/database";
import { loadCurrentResources } from "../../measures/pipeline/load-current-resources";

/** Returns the title (else the name) of each stored Measure by id; an id without a stored Measure maps to itself. */
export async function listMeasureTitles(db: Database, measureIds: readonly string[]): Promise<Map<string, string>> {
  const measures = await loadCurrentResources(db.sql, "Measure", [...new Set(measureIds)]);
  return new Map(measureIds.map((id) => [id, measures.get(id)?.title ?? measures.get(id)?.name ?? id]));
}
