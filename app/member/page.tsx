import type { Metadata } from "next";

import { ClaimsTable } from "@/components/member/claims-table";
import { CareGapsSection } from "@/components/member/home/care-gaps-section";
import { SpendingSummary } from "@/components/member/home/spending-summary";
import { PlanCard } from "@/components/member/plan-card";
import { coverageStrings } from "@/components/member/coverage/strings";
import { memberStrings } from "@/components/member/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getMemberOverview } from "@/lib/claims/get-member-overview";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

export const metadata: Metadata = { title: memberStrings.pageTitle };

/**
 * Renders the member's home, what needs attention first: open care gaps, this plan year's
 * spending against the deductible and out-of-pocket maximum, the plan and the latest claims. The
 * patient comes from the signed-in account only, and the page reads nothing from the URL.
 */
export default async function MemberPage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId, viewing } = record;
  await recordMemberView(record, "member-home");

  const store = new FhirStore(await getDatabase());
  const overview = await getMemberOverview(store, patientId);

  if (overview.kind === "no-patient") {
    return (
      <MessagePanel title={memberStrings.noPatientTitle} headingLevel={1}>
        <p>{memberStrings.noPatientBody}</p>
      </MessagePanel>
    );
  }
  return (
    <>
      <h1>{homeHeading(overview.patientName, viewing)}</h1>
      <CareGapsSection />
      <SpendingSummary spending={overview.spending} viewedName={viewing === "dependent" ? (overview.patientName ?? coverageStrings.viewedWithoutName) : null} />
      <PlanCard plan={overview.plan} coverageLink />
      <ClaimsTable claims={overview.claims} />
    </>
  );
}

/** Greets the signed-in member, or names whose record it is when a subscriber views a dependent's. */
function homeHeading(patientName: string | null, viewing: "self" | "dependent"): string {
  if (viewing === "dependent") {
    return patientName ? memberStrings.viewedHeading(patientName) : memberStrings.viewedWithoutName;
  }
  return patientName ? memberStrings.greeting(patientName) : memberStrings.greetingWithoutName;
}
