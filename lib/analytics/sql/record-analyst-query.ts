import "server-only";

import { headers } from "next/headers";

import { readClientIp } from "../../auth/read-client-ip";
import type { Database } from "../../db/database";
import { FhirStore } from "../../fhir/store/fhir-store";
import { toAnalystQueryAuditEvent, type AnalystQueryAccess } from "./to-analyst-query-audit-event";

/** Stores the AuditEvent of one admin SQL run, with the client address of the current request. */
export async function recordAnalystQuery(db: Database, access: Omit<AnalystQueryAccess, "address" | "recorded">): Promise<void> {
  const address = readClientIp(Object.fromEntries(await headers())) ?? undefined;
  await new FhirStore(db).create(toAnalystQueryAuditEvent({ ...access, address, recorded: new Date() }));
}
