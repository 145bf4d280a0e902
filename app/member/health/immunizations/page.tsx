import type { Metadata } from "next";

import { ImmunizationTable } from "@/components/member/health/immunization-table";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { Pager } from "@/components/member/health/pager";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { listImmunizations } from "@/lib/health-record/list-immunizations";
import { pageItems, parsePageNumber } from "@/lib/health-record/page-items";

export const metadata: Metadata = { title: healthStrings.sections.immunizations };

/** Renders the member's vaccinations, one page of the newest at a time. */
export default async function ImmunizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-immunizations");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const page = pageItems(await listImmunizations(new FhirStore(await getDatabase()), patientId), parsePageNumber((await searchParams).page));

  return (
    <>
      <h1>{healthStrings.sections.immunizations}</h1>
      <ImmunizationTable immunizations={page.items} />
      <Pager basePath="/member/health/immunizations" section={healthStrings.sections.immunizations} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
