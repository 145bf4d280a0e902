import type { Metadata } from "next";
import Link from "next/link";

import { accessLogStrings } from "@/components/member/access-log/strings";
import { ProfileDetails } from "@/components/member/profile/profile-details";
import { ProfileForm } from "@/components/member/profile/profile-form";
import { RecordSharing } from "@/components/member/profile/record-sharing";
import { profileStrings } from "@/components/member/profile/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { getProfilePageData } from "@/lib/profile/get-profile-page-data";

export const metadata: Metadata = { title: profileStrings.pageTitle };

/**
 * Renders the profile of the record the member is viewing. Members edit their own profile, and a
 * subscriber edits the profile of a dependent under 13 whose record they switched to. A record
 * shared by a dependent of 13 or over is shown read-only, because the grant is for viewing.
 */
export default async function ProfilePage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  await recordMemberView(record, "member-profile");

  const ownRecord = record.viewing === "self";
  const data = await getProfilePageData(await getDatabase(), record.patientId, ownRecord, new Date());

  if (data.kind === "no-patient") {
    return (
      <MessagePanel title={profileStrings.noPatientTitle} headingLevel={1}>
        <p>{profileStrings.noPatientBody}</p>
      </MessagePanel>
    );
  }
  const editable = record.dependentAccess !== "granted";
  return (
    <>
      <h1>{!ownRecord && data.name ? profileStrings.dependentHeading(data.name) : profileStrings.heading}</h1>
      {editable ? (
        <section className="panel" aria-label={profileStrings.heading}>
          <p>{profileStrings.intro}</p>
          <ProfileForm patientId={record.patientId ?? ""} initial={data.profile} />
        </section>
      ) : (
        <ProfileDetails profile={data.profile} />
      )}
      {data.viewers.length > 0 && <RecordSharing viewers={data.viewers} />}
      <p>
        <Link href="/member/profile/access-log">{accessLogStrings.linkFromProfile}</Link>
      </p>
    </>
  );
}
