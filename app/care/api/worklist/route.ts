import { NextResponse, type NextRequest } from "next/server";

import { recordCareAudit } from "@/components/care/record-care-audit";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { getWorklistResponse } from "@/lib/care/get-worklist-response";
import { getDatabase } from "@/lib/db/get-database";

/**
 * Lists one page of the signed-in care manager's worklist as JSON, for the worklist's filters
 * and paging. The session is checked here, because a route handler gets no protection from the
 * care layout.
 */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const user = await getSessionUser();
  const response = await getWorklistResponse(await getDatabase(), user, request.nextUrl.searchParams);
  if (user && response.status === 200) {
    await recordCareAudit(user, { event: "care-worklist", action: "R", patientIds: response.body.rows.map((row) => row.patientId) });
  }
  return NextResponse.json(response.body, { status: response.status, headers: { "Cache-Control": "private, no-store" } });
}
