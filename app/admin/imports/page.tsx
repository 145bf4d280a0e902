import type { Metadata } from "next";

import { ImportRunsTable } from "@/components/admin/imports/import-runs-table";
import { importStrings as strings } from "@/components/admin/imports/strings";
import { requireRole } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";
import { listImportRuns } from "@/lib/ingest/runs/list-import-runs";

export const metadata: Metadata = { title: strings.list.pageTitle };

/** Lists the recent import runs with their counts and status, for administrators. */
export default async function ImportsPage(): Promise<React.ReactElement> {
  const user = await requireRole("admin");
  const runs = await listImportRuns(await getDatabase(), user);

  return (
    <>
      <h1>{strings.list.heading}</h1>
      <p>{strings.list.intro}</p>
      {runs.length === 0 ? <p>{strings.list.none}</p> : <ImportRunsTable runs={runs} caption={strings.list.caption} />}
    </>
  );
}
