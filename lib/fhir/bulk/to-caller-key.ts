import { createHash } from "node:crypto";

import type { AccessScope } from "../search/access-scope";

/**
 * Returns the key a bulk export job is filed under: the caller's id when the route passes one,
 * otherwise a hash of the AccessScope, so at least a caller with a different scope never reaches
 * the job.
 *
 * NOTE: without a caller id, two callers with the same scope (two admins) share their jobs. The
 * FHIR route passes no caller id yet; passing the session user or token client id closes this.
 */
export function toCallerKey(scope: AccessScope, callerId: string | undefined): string {
  if (callerId !== undefined) return `caller:${callerId}`;
  const canonical = {
    kind: scope.kind,
    patientIds: scope.kind === "patients" ? [...scope.patientIds].sort() : null,
    resourceTypes: scope.resourceTypes ? [...scope.resourceTypes].sort() : null,
  };
  return `scope:${createHash("sha256").update(JSON.stringify(canonical)).digest("hex")}`;
}
