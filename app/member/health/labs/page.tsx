import type { Metadata } from "next";

import { LabResultsTable } from "@/components/member/health/lab-results-table";
import { LabTrendSection } from "@/components/member/health/lab-trend-section";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { Pager } from "@/components/member/health/pager";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { getLabResults } from "@/lib/health-record/get-lab-results";
import { pageItems, parsePageNumber } from "@/lib/health-record/page-items";

export const metadata: Metadata = { title: healthStrings.sections.labs };

const strings = healthStrings.labs;

/** Renders trend charts for HbA1c, LDL, blood pressure and BMI, then one page of all lab results. */
export default async function LabsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-labs");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const labs = await getLabResults(new FhirStore(await getDatabase()), patientId);
  const page = pageItems(labs.results, parsePageNumber((await searchParams).page));

  return (
    <>
      <h1>{healthStrings.sections.labs}</h1>
      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading">{strings.trendsHeading}</h2>
        <p className="note">{strings.trendsIntro}</p>
        {labs.trends.map((trend) => (
          <LabTrendSection key={trend.measure} trend={trend} />
        ))}
      </section>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{strings.tableHeading}</h2>
        <LabResultsTable results={page.items} />
        <Pager basePath="/member/health/labs" section={healthStrings.sections.labs} page={page.page} pageCount={page.pageCount} total={page.total} />
      </section>
    </>
  );
}
