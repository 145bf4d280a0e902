import type { Metadata } from "next";

import { MemberSpendingCharts } from "@/components/charts/member-spending/member-spending-charts";
import { SpendingYearNav } from "@/components/charts/member-spending/spending-year-nav";
import { spendingStrings } from "@/components/charts/member-spending/strings";
import { ViewsNotBuilt } from "@/components/charts/views-not-built";
import { formatCalendarDate } from "@/components/member/format-calendar-date";
import { memberStrings } from "@/components/member/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { getMemberSpending } from "@/lib/analytics/aggregates/get-member-spending";
import { hasBuiltViews } from "@/lib/analytics/aggregates/has-built-views";
import { toDayRange } from "@/lib/analytics/aggregates/to-day-range";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { toDisplayName } from "@/lib/claims/to-display-name";
import { toCalendarDate } from "@/lib/coverage/calendar-day";
import { listClaimYears } from "@/lib/coverage/list-claim-years";
import { loadPlanContext } from "@/lib/coverage/load-plan-context";
import { parseRequestedYear } from "@/lib/coverage/parse-requested-year";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

export const metadata: Metadata = { title: spendingStrings.pageTitle };

/**
 * Renders what the plan and the member paid in one plan year, by month and by type of care. The
 * patient comes from the signed-in account only, and the claims counted are the plan's, as on the
 * coverage page. The URL may pick a plan year (`?year=2025`).
 */
export default async function SpendingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId, viewing } = record;
  if (!patientId) {
    return (
      <MessagePanel title={memberStrings.noPatientTitle} headingLevel={1}>
        <p>{memberStrings.noPatientBody}</p>
      </MessagePanel>
    );
  }
  await recordMemberView(record, "member-spending");
  const now = new Date();
  const requestedYear = parseRequestedYear((await searchParams).year, now);

  const db = await getDatabase();
  const store = new FhirStore(db);
  const [context, claimYears] = await Promise.all([loadPlanContext(store, patientId, now, requestedYear), listClaimYears(store, patientId)]);
  const planYear = toDayRange(context.planYear);
  const coverageIds = context.coverage ? context.familyCoverages.map((coverage) => coverage.id ?? "") : null;
  const spending = (await hasBuiltViews(db, ["claim_cost"])) ? await getMemberSpending(db, { scope: { kind: "patients", patientIds: [patientId] } }, planYear, coverageIds) : null;
  const viewedName = viewing === "dependent" ? await readPatientName(store, patientId) : null;

  return (
    <>
      <h1>{viewedName === null ? spendingStrings.heading : spendingStrings.viewedHeading(viewedName)}</h1>
      <SpendingYearNav claimYears={claimYears} requestedYear={requestedYear} />
      <p>
        {spendingStrings.intro(formatCalendarDate(toCalendarDate(context.planYear.firstDay), "en-US"), formatCalendarDate(toCalendarDate(context.planYear.lastDay), "en-US"))}
      </p>
      {spending ? <MemberSpendingCharts spending={spending} /> : <ViewsNotBuilt />}
    </>
  );
}

async function readPatientName(store: FhirStore, patientId: string): Promise<string> {
  const patient = (await store.listInPatientCompartment(patientId, "Patient")).find((candidate) => candidate.id === patientId);
  return toDisplayName(patient?.name) ?? spendingStrings.viewedWithoutName;
}
