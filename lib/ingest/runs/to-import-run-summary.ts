import type { ImportRun } from "../../db/generated/client";
import type { ImportRunSummary } from "./import-run-views";

const statuses = new Set<ImportRunSummary["status"]>(["running", "finished", "failed"]);

/** Maps an import_run row to its view; the table's CHECK constraint keeps status to the three values. */
export function toImportRunSummary(run: ImportRun): ImportRunSummary {
  const status = statuses.has(run.status as ImportRunSummary["status"]) ? (run.status as ImportRunSummary["status"]) : "failed";
  return { ...run, status };
}
