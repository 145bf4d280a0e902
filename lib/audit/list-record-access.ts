import type { AuditEvent } from "fhir/r4";

import type { Database } from "../db/database";
import { parseSearchRequest } from "../fhir/search/parse-search-request";
import { searchResources } from "../fhir/search/search-resources";
import { oauthClientIdentifierSystem, userIdentifierSystem } from "./audit-codes";

/** One access to a member's record, as the member's access log shows it. */
export interface RecordAccessView {
  id: string;
  /** When it happened, as an ISO 8601 instant. */
  recorded: string;
  /** Who: the viewing member ("you"), another person by name, or nobody named when only an app acted. */
  person: { kind: "you" } | { kind: "person"; name: string } | { kind: "unnamed" };
  /** The app the access came through, when it was a SMART app rather than the portal. */
  appName?: string;
  /** The page, action or FHIR interaction: AuditEvent.subtype's code. */
  event: string;
  allowed: boolean;
}

export interface RecordAccessPage {
  entries: RecordAccessView[];
  page: number;
  hasNext: boolean;
}

/** How many accesses one page of the log lists. */
export const recordAccessPageSize = 25;

/**
 * Lists accesses to one patient's record, newest first, from the AuditEvents in the patient's
 * compartment. `viewerUserId` is the signed-in user, whose own visits read as "you". The
 * search runs in that one patient's scope, so no other patient's events can appear.
 */
export async function listRecordAccess(db: Database, patientId: string, viewerUserId: string, page: number): Promise<RecordAccessPage> {
  const query = new URLSearchParams({ patient: `Patient/${patientId}`, _sort: "-date", _count: String(recordAccessPageSize), _total: "none" });
  const request = { ...parseSearchRequest("AuditEvent", query, { baseUrl: "", strict: true }), offset: (page - 1) * recordAccessPageSize };

  const result = await searchResources(db.sql, request, { kind: "patients", patientIds: [patientId] });

  const entries = result.matches.map((match) => toRecordAccessView(match.resource as AuditEvent, viewerUserId));
  return { entries, page, hasNext: result.hasNext };
}

function toRecordAccessView(event: AuditEvent, viewerUserId: string): RecordAccessView {
  const person = event.agent.find((agent) => agent.who?.identifier?.system === userIdentifierSystem)?.who;
  const app = event.agent.find((agent) => agent.who?.identifier?.system === oauthClientIdentifierSystem)?.who;

  return {
    id: event.id ?? "",
    recorded: event.recorded,
    person: toPerson(person?.identifier?.value, person?.display, viewerUserId),
    ...(app ? { appName: app.display ?? app.identifier?.value ?? "" } : {}),
    event: event.subtype?.[0]?.code ?? "",
    allowed: event.outcome === "0" || event.outcome === undefined,
  };
}

function toPerson(userId: string | undefined, name: string | undefined, viewerUserId: string): RecordAccessView["person"] {
  if (userId === undefined) return { kind: "unnamed" };
  if (userId === viewerUserId) return { kind: "you" };
  return name ? { kind: "person", name } : { kind: "unnamed" };
}
