import type { AuditEvent } from "fhir/r4";
import { z } from "zod";

import type { Database } from "../db/database";
import { parseSearchRequest } from "../fhir/search/parse-search-request";
import { searchResources } from "../fhir/search/search-resources";
import { oauthClientIdentifierSystem, userIdentifierSystem } from "./audit-codes";

/** How many events one page of the admin audit search lists. */
export const auditSearchPageSize = 50;

const idPattern = /^[A-Za-z0-9.-]{1,64}$/;

/** Builds a schema for a calendar date as YYYY-MM-DD that exists (no month 13, no February 30). */
function calendarDate(message: string): z.ZodType<string> {
  return z
    .string()
    .trim()
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    }, message);
}

/** The admin audit search form; every field is optional, and empty text means "any". */
export const auditSearchSchema = z.object({
  patient: z.string().trim().regex(idPattern, "Enter a Patient id: 1 to 64 letters, digits, \"-\" or \".\".").or(z.literal("")).default(""),
  from: z.literal("").or(calendarDate("Enter the start date as a real date in the form YYYY-MM-DD.")).default(""),
  to: z.literal("").or(calendarDate("Enter the end date as a real date in the form YYYY-MM-DD.")).default(""),
  outcome: z.enum(["any", "allowed", "denied"]).default("any"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** One AuditEvent as the admin audit table shows it. */
export interface AuditEventRow {
  id: string;
  recorded: string;
  agents: { id: string; display?: string; kind: "user" | "client" | "other" }[];
  event: string;
  action: string;
  patientIds: string[];
  outcome: string;
  address?: string;
}

/**
 * Searches AuditEvents for the admin audit page, newest first. Admins see every event; the
 * search has no patient scope, so callers must have checked the admin role.
 */
export async function searchAuditEvents(db: Database, search: AuditSearch): Promise<{ rows: AuditEventRow[]; hasNext: boolean }> {
  const query = new URLSearchParams({ _sort: "-date", _count: String(auditSearchPageSize), _total: "none" });
  if (search.patient) query.set("patient", `Patient/${search.patient}`);
  if (search.from) query.append("date", `ge${search.from}`);
  if (search.to) query.append("date", `le${search.to}`);
  if (search.outcome === "allowed") query.set("outcome", "0");
  if (search.outcome === "denied") query.set("outcome", "4,8");
  const request = { ...parseSearchRequest("AuditEvent", query, { baseUrl: "", strict: true }), offset: (search.page - 1) * auditSearchPageSize };

  const result = await searchResources(db.sql, request, { kind: "all" });
  return { rows: result.matches.map((match) => toAuditEventRow(match.resource as AuditEvent)), hasNext: result.hasNext };
}

function toAuditEventRow(event: AuditEvent): AuditEventRow {
  return {
    id: event.id ?? "",
    recorded: event.recorded,
    agents: event.agent.map((agent) => ({
      id: agent.who?.identifier?.value ?? agent.who?.reference ?? "",
      ...(agent.who?.display ? { display: agent.who.display } : {}),
      kind: agentKindOf(agent.who?.identifier?.system),
    })),
    event: event.subtype?.[0]?.code ?? "",
    action: event.action ?? "",
    patientIds: (event.entity ?? []).flatMap((entity) => {
      const reference = entity.what?.reference;
      return reference?.startsWith("Patient/") ? [reference.slice("Patient/".length)] : [];
    }),
    outcome: event.outcome ?? "",
    ...(event.agent[0]?.network?.address ? { address: event.agent[0].network.address } : {}),
  };
}

function agentKindOf(system: string | undefined): AuditEventRow["agents"][number]["kind"] {
  if (system === userIdentifierSystem) return "user";
  if (system === oauthClientIdentifierSystem) return "client";
  return "other";
}
