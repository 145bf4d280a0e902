import type { Metadata } from "next";

import { AccumulatorsSection } from "@/components/member/coverage/accumulators-section";
import { IdCard } from "@/components/member/coverage/id-card";
import { PlanDetails } from "@/components/member/coverage/plan-details";
import { PlanMembers } from "@/components/member/coverage/plan-members";
import { coverageStrings } from "@/components/member/coverage/strings";
import { PlanCard } from "@/components/member/plan-card";
import { memberStrings } from "@/components/member/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getMemberCoverage } from "@/lib/coverage/get-member-coverage";
import { parseRequestedYear } from "@/lib/coverage/parse-requested-year";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

export const metadata: Metadata = { title: coverageStrings.pageTitle };

/**
 * Renders the member's coverage: ID card, plan-year spending against the deductible and
 * out-of-pocket maximum, plan details and who is on the plan. The patient comes from the
 * signed-in account only. The URL may pick a plan year (`?year=2020`), which only changes the
 * dates of the member's own records shown.
 */
export default async function CoveragePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId, viewing } = record;
  await recordMemberView(record, "member-coverage");
  const now = new Date();
  const requestedYear = parseRequestedYear((await searchParams).year, now);

  const store = new FhirStore(await getDatabase());
  const view = await getMemberCoverage(store, patientId, now, requestedYear);

  if (view.kind === "no-patient") {
    return (
      <MessagePanel title={memberStrings.noPatientTitle} headingLevel={1}>
        <p>{memberStrings.noPatientBody}</p>
      </MessagePanel>
    );
  }
  const viewedName = viewing === "dependent" ? (view.patientName ?? coverageStrings.viewedWithoutName) : null;
  return (
    <>
      <h1>{viewedName === null ? coverageStrings.heading : coverageStrings.viewedHeading(viewedName)}</h1>
      {view.coverage && <IdCard coverage={view.coverage} memberName={view.patientName} />}
      {!view.coverage && view.uncoveredYear !== null && (
        <MessagePanel title={coverageStrings.uncoveredYearTitle(view.uncoveredYear)}>
          <p>{coverageStrings.uncoveredYearBody}</p>
        </MessagePanel>
      )}
      {!view.coverage && view.uncoveredYear === null && (
        <>
          <MessagePanel title={coverageStrings.noCoverageTitle}>
            <p>{coverageStrings.noCoverageBody}</p>
          </MessagePanel>
          <PlanCard plan={view.planFromClaims} />
        </>
      )}
      <AccumulatorsSection spending={view.spending} claimYears={view.claimYears} requestedYear={requestedYear} viewedName={viewedName} />
      {view.coverage && (
        <>
          <PlanDetails coverage={view.coverage} />
          <PlanMembers members={view.coverage.members} />
        </>
      )}
    </>
  );
}
