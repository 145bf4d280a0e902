import type { SessionUser } from "../auth/session-user";
import type { Database } from "../db/database";
import { logger } from "../log/logger";
import { listWorklistPage } from "./list-worklist-page";
import { parseWorklistQuery } from "./worklist-query";
import type { WorklistPage } from "./worklist-row";

/** The JSON body of a failed request: what failed, on which query parameter, for a developer. */
export interface WorklistErrorBody {
  error: { code: "invalid" | "unauthenticated" | "forbidden"; message: string; field?: string };
}

/** A status and JSON body, for the route handler to send as it is. */
export type WorklistResponse = { status: 200; body: WorklistPage } | { status: 400 | 401 | 403; body: WorklistErrorBody };

/**
 * Builds the response to GET /care/api/worklist: one page of the signed-in care manager's own
 * panel, or 400 naming the first invalid query parameter. The panel comes from the account
 * alone; the request cannot name a care manager or a patient.
 */
export async function getWorklistResponse(db: Database, user: SessionUser | null, params: URLSearchParams, now: Date = new Date()): Promise<WorklistResponse> {
  if (!user) {
    return { status: 401, body: { error: { code: "unauthenticated", message: "Sign in as a care manager to list the worklist." } } };
  }
  if (user.role !== "care_manager") {
    return { status: 403, body: { error: { code: "forbidden", message: "Only care manager accounts have a worklist." } } };
  }
  const parsed = parseWorklistQuery(params);
  if (!parsed.ok) {
    const message = `Query parameter "${parsed.field}" ${parsed.message}; fix or remove it.`;
    return { status: 400, body: { error: { code: "invalid", field: parsed.field, message } } };
  }

  const startedAt = performance.now();
  const page = await listWorklistPage(db, user.id, parsed.query, now);
  logger.info({ userId: user.id, rows: page.rows.length, total: page.total, durationMs: Math.round(performance.now() - startedAt) }, "care worklist page listed");
  return { status: 200, body: page };
}
