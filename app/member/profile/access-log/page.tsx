import type { Metadata } from "next";

import { AccessLogTable } from "@/components/member/access-log/access-log-table";
import { accessLogStrings } from "@/components/member/access-log/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { listRecordAccess } from "@/lib/audit/list-record-access";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { parsePageNumber } from "@/lib/health-record/page-items";

export const metadata: Metadata = { title: accessLogStrings.pageTitle };

/**
 * Lists who opened the record the member is viewing: their own, or a dependent's they may view.
 * The patient comes from requireMemberRecord, never from the URL.
 */
export default async function AccessLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  if (!record.patientId) {
    return (
      <MessagePanel title={accessLogStrings.noPatientTitle} headingLevel={1}>
        <p>{accessLogStrings.noPatientBody}</p>
      </MessagePanel>
    );
  }
  await recordMemberView(record, "member-access-log");

  const page = parsePageNumber((await searchParams).page);
  const log = await listRecordAccess(await getDatabase(), record.patientId, record.user.id, page);
  return (
    <>
      <h1>{accessLogStrings.heading}</h1>
      <p>{accessLogStrings.intro}</p>
      <AccessLogTable log={log} basePath="/member/profile/access-log" />
    </>
  );
}
