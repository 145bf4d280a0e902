import type { Database } from "../db/database";
import { FhirStore } from "../fhir/store/fhir-store";
import { logger } from "../log/logger";
import { claimPageSize, parseClaimListQuery } from "./claim-list-query";
import type { ClaimListPage } from "./claim-list-row";
import { listClaimsPage } from "./list-claims-page";

/** The error codes the claims endpoint returns, a subset of the project's closed set. */
export type ClaimListErrorCode = "invalid" | "unauthenticated" | "forbidden";

/** The JSON body of a failed request: what failed, on which query parameter, for a developer. */
export interface ClaimListErrorBody {
  error: { code: ClaimListErrorCode; message: string; field?: string };
}

/** A status and JSON body, for the route handler to send as it is. */
export type ClaimListResponse = { status: 200; body: ClaimListPage } | { status: 400 | 401 | 403; body: ClaimListErrorBody };

/**
 * Builds the response to GET /api/member/claims for a signed-in member: one page of their own
 * claims, or 400 naming the first invalid query parameter. `patientId` must come from the
 * member's account, never from the request. An unlinked account gets an empty page.
 */
export async function getClaimListResponse(db: Database, patientId: string | null, params: URLSearchParams): Promise<ClaimListResponse> {
  const parsed = parseClaimListQuery(params);
  if (!parsed.ok) {
    const message = `Query parameter "${parsed.field}" ${parsed.message}; fix or remove it.`;
    return { status: 400, body: { error: { code: "invalid", field: parsed.field, message } } };
  }
  if (!patientId) {
    return { status: 200, body: { rows: [], total: 0, page: parsed.query.page, pageSize: claimPageSize } };
  }

  const startedAt = performance.now();
  const page = await listClaimsPage(db, new FhirStore(db), patientId, parsed.query);
  logger.info({ rows: page.rows.length, total: page.total, durationMs: Math.round(performance.now() - startedAt) }, "member claims page listed");
  return { status: 200, body: page };
}
