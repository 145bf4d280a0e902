import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ClaimDetailView } from "@/components/member/claims/claim-detail-view";
import { claimsStrings } from "@/components/member/claims/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { recordPortalAudit } from "@/lib/audit/record-portal-audit";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getMemberClaim } from "@/lib/claims/get-member-claim";
import { toDisplayName } from "@/lib/claims/to-display-name";
import { getDatabase } from "@/lib/db/get-database";
import { readPatientOrNull } from "@/lib/dependents/read-patient-or-null";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

export const metadata: Metadata = { title: claimsStrings.detailTitle };

/**
 * Renders one of the member's claims. An id that is not one of the signed-in member's own listed
 * claims gets the not-found page, never a "forbidden" one, so the page does not reveal whether
 * another member's claim exists.
 *
 * NOTE: this route has no loading.tsx, and the list's sits in the (list) group, because a loading
 * boundary starts streaming with status 200 before notFound() runs, and the page should send 404.
 */
export default async function ClaimDetailPage({ params }: { params: Promise<{ id: string }> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  const { id } = await params;
  if (!patientId) {
    notFound();
  }

  const store = new FhirStore(await getDatabase());
  const claim = await getMemberClaim(store, patientId, id);
  if (!claim) {
    await recordPortalAudit(record.user, { event: "member-claim-detail", action: "R", patientIds: [patientId], outcome: "4" });
    notFound();
  }
  const patient = await readPatientOrNull(store, patientId);
  await recordMemberView(record, "member-claim-detail", [`ExplanationOfBenefit/${id}`]);
  return <ClaimDetailView claim={claim} memberName={toDisplayName(patient?.name)} />;
}
