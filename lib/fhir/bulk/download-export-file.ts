import type { OperationOutcome } from "fhir/r4";

import type { Database } from "../../db/database";
import { FhirError } from "../fhir-error";
import type { AccessScope } from "../search/access-scope";
import { openExportFile } from "./open-export-file";
import { toCallerKey } from "./to-caller-key";

/** The result of a file download: the file to stream, or an error with its OperationOutcome. */
export type ExportFileResponse =
  | { status: 200; headers: Record<string, string>; path: string }
  | { status: number; headers: Record<string, string>; body: OperationOutcome };

/**
 * Handles GET bulk-files/[job]/[file] for a caller: 401 without a session, the file when the
 * caller started the job, and 404 for anything else, whether absent or someone else's.
 */
export async function downloadExportFile(
  db: Database,
  scope: AccessScope | undefined,
  jobId: string,
  fileName: string,
  exportDir: string,
  callerId?: string,
): Promise<ExportFileResponse> {
  const jsonHeaders = { "content-type": "application/fhir+json; charset=utf-8" };
  if (!scope) {
    const body: OperationOutcome = { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "login", diagnostics: "No session; sign in to the portal first, then repeat the request." }] };
    return { status: 401, headers: jsonHeaders, body };
  }
  try {
    const file = await openExportFile(db, toCallerKey(scope, callerId), jobId, fileName, exportDir);
    return { status: 200, headers: { "content-type": "application/fhir+ndjson", "content-length": String(file.size) }, path: file.path };
  } catch (error) {
    if (error instanceof FhirError) return { status: error.status, headers: jsonHeaders, body: error.toOperationOutcome() };
    throw error;
  }
}
