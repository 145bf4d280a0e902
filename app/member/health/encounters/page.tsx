import type { Metadata } from "next";

import { EncounterTimeline } from "@/components/member/health/encounter-timeline";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { Pager } from "@/components/member/health/pager";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { listEncounters } from "@/lib/health-record/list-encounters";
import { pageItems, parsePageNumber } from "@/lib/health-record/page-items";

export const metadata: Metadata = { title: healthStrings.sections.encounters };

/** Renders the member's visits as a timeline, one page of the newest at a time. */
export default async function EncountersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-encounters");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const page = pageItems(await listEncounters(new FhirStore(await getDatabase()), patientId), parsePageNumber((await searchParams).page));

  return (
    <>
      <h1>{healthStrings.sections.encounters}</h1>
      <EncounterTimeline encounters={page.items} />
      <Pager basePath="/member/health/encounters" section={healthStrings.sections.encounters} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
