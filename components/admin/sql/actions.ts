"use server";

import { randomUUID } from "node:crypto";

import { headers } from "next/headers";

import { MAX_QUERY_LENGTH } from "@/lib/analytics/sql/analyst-query-limits";
import { recordAnalystQuery } from "@/lib/analytics/sql/record-analyst-query";
import { runAnalystQuery } from "@/lib/analytics/sql/run-analyst-query";
import { requireRole } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";

import type { SqlConsoleState } from "./sql-console-state";
import { sqlConsoleStrings as strings } from "./strings";

/**
 * Runs the admin's query from the SQL console form and returns its first rows or a message that
 * names the fix. Only admins may call it, and every run, failed or not, leaves an AuditEvent.
 */
export async function runSqlQuery(_previous: SqlConsoleState, formData: FormData): Promise<SqlConsoleState> {
  const user = await requireRole("admin");
  const value = formData.get("query");
  const query = typeof value === "string" ? value : "";
  if (!isSameOriginRequest(await headers())) return { status: "error", query, message: strings.notAllowed };
  if (query.length > MAX_QUERY_LENGTH) return { status: "error", query, message: strings.tooLong(MAX_QUERY_LENGTH) };

  const db = await getDatabase();
  const startedAt = performance.now();
  try {
    const result = await runAnalystQuery(db, query);
    await recordAnalystQuery(db, { user, event: "admin-sql-query", query, outcome: "0" });
    logger.info({ userId: user.id, rows: result.rows.length, durationMs: Math.round(performance.now() - startedAt) }, "admin SQL query finished");
    return { status: "done", query, ...result };
  } catch (error) {
    await recordAnalystQuery(db, { user, event: "admin-sql-query", query, outcome: isFhirError(error) ? "4" : "8" });
    if (isFhirError(error)) return { status: "error", query, message: error.message };

    const reference = randomUUID().slice(0, 8);
    // The query text is not logged: it may quote member data.
    logger.error({ reference, userId: user.id, errorKind: error instanceof Error ? error.name : typeof error }, "admin SQL query failed");
    return { status: "error", query, message: strings.failed(reference) };
  }
}
