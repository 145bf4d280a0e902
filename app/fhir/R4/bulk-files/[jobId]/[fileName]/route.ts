import { createReadStream } from "node:fs";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";

import { getSessionUser } from "@/lib/auth/get-session-user";
import { getDatabase } from "@/lib/db/get-database";
import { downloadExportFile } from "@/lib/fhir/bulk/download-export-file";
import { resolveExportDir } from "@/lib/fhir/bulk/resolve-export-dir";
import { getAccessScope } from "@/lib/fhir/rest/get-access-scope";
import { logger } from "@/lib/log/logger";

interface RouteContext {
  params: Promise<{ jobId: string; fileName: string }>;
}

/**
 * GET one NDJSON file of a bulk export. It has its own route because the FHIR catch-all route
 * sends JSON bodies only. The caller must be the one that started the job, as the status URL checks.
 *
 * NOTE: this route accepts only the portal session. When the catch-all accepts SMART tokens, this
 * route needs the same authentication and the same caller id, or token clients cannot download.
 */
export async function GET(_request: Request, context: RouteContext): Promise<Response> {
  const requestId = randomUUID();
  const user = await getSessionUser();
  const { jobId, fileName } = await context.params;
  const db = await getDatabase();
  const scope = user ? await getAccessScope(db, user) : undefined;

  const result = await downloadExportFile(db, scope, jobId, fileName, resolveExportDir());

  logger.info({ requestId, method: "GET", status: result.status }, "bulk export file request handled");
  const headers = new Headers(result.headers);
  headers.set("x-request-id", requestId);
  headers.set("cache-control", "no-store");
  if ("path" in result) {
    return new Response(Readable.toWeb(createReadStream(result.path)) as ReadableStream<Uint8Array>, { status: 200, headers });
  }
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}
