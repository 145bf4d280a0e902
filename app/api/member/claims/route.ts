import { NextResponse, type NextRequest } from "next/server";

import { getSessionUser } from "@/lib/auth/get-session-user";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getClaimListResponse, type ClaimListErrorBody } from "@/lib/claims/get-claim-list-response";
import { getDatabase } from "@/lib/db/get-database";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * Lists one page of the signed-in member's claims as JSON, for the claims page's filters and
 * paging. The session is checked here, because a route handler gets no protection from the
 * member layout, and the patient comes from the account alone.
 */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const user = await getSessionUser();
  if (!user) {
    return errorResponse(401, { error: { code: "unauthenticated", message: "Sign in as a member to list claims." } });
  }
  if (user.role !== "member") {
    return errorResponse(403, { error: { code: "forbidden", message: "Only member accounts have claims to list." } });
  }

  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-claims-api");
  const startedAt = performance.now();
  const response = await getClaimListResponse(await getDatabase(), patientId, request.nextUrl.searchParams);
  const serverTiming = `list;dur=${(performance.now() - startedAt).toFixed(1)}`;
  return NextResponse.json(response.body, { status: response.status, headers: { ...noStore, "Server-Timing": serverTiming } });
}

function errorResponse(status: 401 | 403, body: ClaimListErrorBody): NextResponse {
  return NextResponse.json(body, { status, headers: noStore });
}
