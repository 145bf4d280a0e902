import type { Metadata } from "next";

import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { Pager } from "@/components/member/health/pager";
import { ProcedureTable } from "@/components/member/health/procedure-table";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { listProcedures } from "@/lib/health-record/list-procedures";
import { pageItems, parsePageNumber } from "@/lib/health-record/page-items";

export const metadata: Metadata = { title: healthStrings.sections.procedures };

/** Renders the member's procedures, one page of the newest at a time. */
export default async function ProceduresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-procedures");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const page = pageItems(await listProcedures(new FhirStore(await getDatabase()), patientId), parsePageNumber((await searchParams).page));

  return (
    <>
      <h1>{healthStrings.sections.procedures}</h1>
      <ProcedureTable procedures={page.items} />
      <Pager basePath="/member/health/procedures" section={healthStrings.sections.procedures} page={page.page} pageCount={page.pageCount} total={page.total} />
    </>
  );
}
