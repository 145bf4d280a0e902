import { assertScopeCapability } from "../../access/assert-access";
import { FhirError } from "../fhir-error";
import { allowsResourceType } from "../search/access-scope";
import { readInScope } from "../search/read-in-scope";
import type { FhirContext } from "./fhir-request";

/**
 * Resolves a measure operation's `subject` to the Patient ids the caller may see. "Patient/x"
 * must be visible to the caller (else the same not-found as an absent Patient). "Group/x" needs a
 * visible Group, and its members outside the caller's scope are left out. Without a subject, a
 * caller limited to some patients gets those; a caller who sees every patient must name one.
 */
export async function resolveMeasureSubjects(subject: string | undefined, operation: string, context: FhirContext): Promise<string[]> {
  assertScopeCapability(context.scope, "measure.evaluate");
  for (const resourceType of ["Patient", "MeasureReport", "DetectedIssue"]) {
    if (!allowsResourceType(context.scope, resourceType)) {
      throw new FhirError("forbidden", `${operation} returns ${resourceType} resources, which this token's scopes do not cover; request a scope for ${resourceType}.`);
    }
  }
  if (subject === undefined) {
    if (context.scope.kind === "patients") return [...context.scope.patientIds];
    throw new FhirError("invalid", `${operation} needs a subject when the caller can see every patient; give subject=Patient/<id> or subject=Group/<id>.`);
  }

  const match = /^(Patient|Group)\/([A-Za-z0-9.-]{1,64})$/.exec(subject);
  if (!match) {
    throw new FhirError("invalid", `subject "${subject}" is not a Patient or Group reference; give subject=Patient/<id> or subject=Group/<id>.`);
  }
  const [, resourceType, id = ""] = match;
  if (resourceType === "Patient") {
    await readInScope(context.db.sql, context.scope, "Patient", id);
    return [id];
  }

  const group = await readInScope(context.db.sql, context.scope, "Group", id);
  const members = (group.resource as { member?: { entity?: { reference?: string } }[] }).member ?? [];
  const patientIds = members.flatMap((member) => /^Patient\/([A-Za-z0-9.-]{1,64})$/.exec(member.entity?.reference ?? "")?.[1] ?? []);
  const visible = context.scope.kind === "patients" ? patientIds.filter((patientId) => context.scope.kind === "patients" && context.scope.patientIds.includes(patientId)) : patientIds;
  return [...new Set(visible)];
}
