import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { formatUtcTime } from "@/components/admin/imports/format-utc-time";
import { ImportIssuesTable } from "@/components/admin/imports/import-issues-table";
import { ImportRunsTable } from "@/components/admin/imports/import-runs-table";
import { importStrings as strings } from "@/components/admin/imports/strings";
import { requireRole } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { getImportRun } from "@/lib/ingest/runs/get-import-run";

export const metadata: Metadata = { title: strings.run.pageTitle };

/** Shows one import run: its counts, then every rejection and warning with a link to the failed message. */
export default async function ImportRunPage({ params }: { params: Promise<{ runId: string }> }): Promise<React.ReactElement> {
  const user = await requireRole("admin");
  const { runId } = await params;
  const found = await getImportRun(await getDatabase(), user, runId).catch((error: unknown) => {
    if (isFhirError(error, "not-found")) notFound();
    throw error;
  });
  const { run, issues, issueCount } = found;

  return (
    <>
      <p>
        <Link href="/admin/imports">{strings.run.back}</Link>
      </p>
      <h1>{strings.run.heading(formatUtcTime(run.startedAt))}</h1>
      <ImportRunsTable runs={[run]} caption={strings.run.countsCaption} />
      {issues.length === 0 ? <p>{strings.run.noIssues}</p> : <ImportIssuesTable issues={issues} />}
      {issueCount > issues.length && <p>{strings.run.truncated(issues.length, issueCount)}</p>}
    </>
  );
}
