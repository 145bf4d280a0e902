import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ClaimDetailView } from "@/components/member/claims/claim-detail-view";
import { claimsStrings } from "@/components/member/claims/strings";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getMemberClaim } from "@/lib/claims/get-member-claim";
import { getDatabase } from "@/lib/db/get-database";
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
  const { patientId } = await requireMemberRecord();
  const { id } = await params;
  if (!patientId) {
    notFound();
  }

  // TODO: record an AuditEvent for this read of the member's claim once the audit trail exists.
  const claim = await getMemberClaim(new FhirStore(await getDatabase()), patientId, id);
  if (!claim) {
    notFound();
  }
  return <ClaimDetailView claim={claim} />;
}
