import type { Metadata } from "next";

import { CareGapList } from "@/components/member/care-gaps/care-gap-list";
import { careGapsStrings } from "@/components/member/care-gaps/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { canActOnGaps } from "@/lib/care-gaps/can-act-on-gaps";
import { getMemberCareGaps } from "@/lib/care-gaps/get-member-care-gaps";
import { todayOf } from "@/lib/care-gaps/today-of";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: careGapsStrings.pageTitle };

/**
 * Renders the care gaps of the record the member is viewing, with the actions to report a
 * service done elsewhere or ask for help. The record comes from the session and the signed
 * viewing cookie only; the page reads nothing from the URL.
 */
export default async function CareGapsPage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  if (!record.patientId) {
    return (
      <MessagePanel title={careGapsStrings.noPatientTitle} headingLevel={1}>
        <p>{careGapsStrings.noPatientBody}</p>
      </MessagePanel>
    );
  }

  const mayAct = canActOnGaps(record);
  await recordMemberView(record, "member-care-gaps");
  const gaps = await getMemberCareGaps(await getDatabase(), record.patientId, { today: todayOf(new Date()), mayAct });
  return (
    <>
      <h1>{careGapsStrings.heading}</h1>
      <p>{careGapsStrings.intro}</p>
      <CareGapList gaps={gaps} patientId={record.patientId} mayAct={mayAct} />
    </>
  );
}
