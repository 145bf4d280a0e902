import { createReadStream } from "node:fs";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";

import type { NextRequest } from "next/server";

import { portalEventSystem } from "@/lib/audit/audit-codes";
import { loadAuditAgents } from "@/lib/audit/load-audit-agents";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readClientIp } from "@/lib/auth/read-client-ip";
import { getDatabase } from "@/lib/db/get-database";
import { downloadExportFile } from "@/lib/fhir/bulk/download-export-file";
import { resolveExportDir } from "@/lib/fhir/bulk/resolve-export-dir";
import { logger } from "@/lib/log/logger";
import { toErrorFields } from "@/lib/log/to-error-fields";
import { authenticateFhirRequest, isFhirCaller, outcome } from "@/lib/smart/authenticate-fhir-request";
import { getSmartEndpoints } from "@/lib/smart/smart-endpoints";

interface RouteContext {
  params: Promise<{ jobId: string; fileName: string }>;
}

/**
 * GET one NDJSON file of a bulk export. It has its own route because the FHIR catch-all route
 * sends JSON bodies only. The caller must be the one that started the job, as the status URL checks,
 * and authenticates the same way: a bearer token, else the portal session.
 */
export async function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  const requestId = randomUUID();
  const { jobId, fileName } = await context.params;
  const db = await getDatabase();
  const endpoints = getSmartEndpoints(request.nextUrl.origin);

  const caller = await authenticateFhirRequest(db, { authorization: request.headers.get("authorization"), method: "GET", path: ["bulk-files", jobId, fileName] }, endpoints);
  if (!isFhirCaller(caller)) {
    logger.info({ requestId, method: "GET", status: caller.status }, "bulk export file request handled");
    return new Response(JSON.stringify(caller.body), { status: caller.status, headers: { ...caller.headers, "x-request-id": requestId, "cache-control": "no-store" } });
  }

  const result = await downloadExportFile(db, caller.scope, jobId, fileName, resolveExportDir(), caller.callerId);
  try {
    // The file's patients are those of the export job, which the kick-off's event already names.
    await recordAuditEvent(db, {
      action: "R",
      subtype: { system: portalEventSystem, code: "bulk-export-file" },
      agents: caller.agents ?? (await loadAuditAgents(db, caller.callerId)),
      patientIds: [],
      outcome: result.status < 400 ? "0" : "4",
      address: readClientIp(Object.fromEntries(request.headers)) ?? undefined,
      requestId,
      recorded: new Date(),
    });
  } catch (error) {
    logger.error({ requestId, ...toErrorFields(error) }, "audit event not recorded");
    return new Response(JSON.stringify(outcome(503, "transient", "The download could not be recorded in the audit trail, so no data was sent; try again shortly.").body), {
      status: 503,
      headers: { "content-type": "application/fhir+json; charset=utf-8", "x-request-id": requestId, "cache-control": "no-store" },
    });
  }

  logger.info({ requestId, method: "GET", status: result.status }, "bulk export file request handled");
  const headers = new Headers(result.headers);
  headers.set("x-request-id", requestId);
  headers.set("cache-control", "no-store");
  if ("path" in result) {
    return new Response(Readable.toWeb(createReadStream(result.path)) as ReadableStream<Uint8Array>, { status: 200, headers });
  }
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}
