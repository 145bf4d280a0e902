import { MemberNav } from "@/components/member/nav/member-nav";
import { RecordSwitcher } from "@/components/member/dependents/record-switcher";
import { dependentsStrings } from "@/components/member/dependents/strings";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { getRecordSwitcherView } from "@/lib/dependents/get-record-switcher-view";

/**
 * Frames every member page with the member navigation and the record switcher, which names whose
 * record the pages show. Each page still checks access itself.
 */
export default async function MemberLayout({ children }: { children: React.ReactNode }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();

  const switcher = await getRecordSwitcherView(await getDatabase(), record.user.patientId, record.patientId, new Date());
  const viewingName = switcher.viewingName === "" ? dependentsStrings.unnamed : switcher.viewingName;
  return (
    <>
      <MemberNav />
      <RecordSwitcher viewingName={viewingName} hasDependents={switcher.hasDependents} />
      {children}
    </>
  );
}
