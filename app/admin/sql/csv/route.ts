import { randomUUID } from "node:crypto";

import { CSV_ROW_LIMIT, MAX_QUERY_LENGTH } from "@/lib/analytics/sql/analyst-query-limits";
import { recordAnalystQuery } from "@/lib/analytics/sql/record-analyst-query";
import { runAnalystQuery } from "@/lib/analytics/sql/run-analyst-query";
import { toCsv } from "@/lib/analytics/sql/to-csv";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";

/**
 * Downloads the result of an admin's query as CSV, up to CSV_ROW_LIMIT rows. The SQL console
 * posts its form here. A post from another site, a user who is not an admin and a query that
 * fails each get a plain-text error, and every run leaves an AuditEvent.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return text(403, "Cross-site requests cannot download SQL results; use the Download CSV button of the SQL console.");
  const user = await getSessionUser();
  if (!user) return text(401, "Sign in as an administrator to download SQL results.");
  if (user.role !== "admin") return text(403, "Only administrators can run SQL against the analytics tables.");

  const value = (await request.formData()).get("query");
  const query = typeof value === "string" ? value : "";
  if (query.length > MAX_QUERY_LENGTH) return text(400, `The query is longer than ${MAX_QUERY_LENGTH} characters; shorten it.`);

  const db = await getDatabase();
  try {
    const result = await runAnalystQuery(db, query, { rowLimit: CSV_ROW_LIMIT });
    await recordAnalystQuery(db, { user, event: "admin-sql-csv", query, outcome: "0" });
    return new Response(toCsv(result.columns, result.rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="lakeview-query-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
        ...(result.truncated ? { "x-lakeview-truncated": `first ${CSV_ROW_LIMIT} rows` } : {}),
      },
    });
  } catch (error) {
    await recordAnalystQuery(db, { user, event: "admin-sql-csv", query, outcome: isFhirError(error) ? "4" : "8" });
    if (isFhirError(error)) return text(error.code === "forbidden" ? 403 : 400, error.message);

    const reference = randomUUID().slice(0, 8);
    logger.error({ reference, userId: user.id, errorKind: error instanceof Error ? error.name : typeof error }, "admin SQL CSV download failed");
    return text(500, `The query could not be run because of a server error; report reference ${reference} to the portal team.`);
  }
}

function text(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
