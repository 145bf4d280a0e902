import type { Metadata } from "next";

import { careStrings } from "@/components/care/strings";
import { Worklist } from "@/components/care/worklist";
import { recordCareAudit } from "@/components/care/record-care-audit";
import { requireRole } from "@/lib/auth/require-session";
import { listWorklistPage } from "@/lib/care/list-worklist-page";
import { readWorklistQueryOrDefault, toWorklistSearch } from "@/lib/care/worklist-query";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: careStrings.worklist.title };

/**
 * Renders the signed-in care manager's worklist with the first page for the filters in the
 * address, so the list shows before any script runs. The panel comes from the account only.
 */
export default async function CarePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const user = await requireRole("care_manager");

  const query = readWorklistQueryOrDefault(toSearchParams(await searchParams));
  const page = await listWorklistPage(await getDatabase(), user.id, query);
  await recordCareAudit(user, { event: "care-worklist", action: "R", patientIds: page.rows.map((row) => row.patientId) });

  return (
    <>
      <h1>{careStrings.worklist.title}</h1>
      <p>{careStrings.worklist.intro}</p>
      <Worklist initialPage={page} initialSearch={toWorklistSearch(query)} />
    </>
  );
}

function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) params.append(key, item);
    }
  }
  return params;
}
