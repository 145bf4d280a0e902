import type { Metadata } from "next";

import { ClaimsList } from "@/components/member/claims/claims-list";
import { claimsStrings } from "@/components/member/claims/strings";
import { MessagePanel } from "@/components/ui/message-panel";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { readClaimListQueryOrDefault, toClaimListSearch } from "@/lib/claims/claim-list-query";
import { listClaimProviders } from "@/lib/claims/list-claim-providers";
import { listClaimsPage } from "@/lib/claims/list-claims-page";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

export const metadata: Metadata = { title: claimsStrings.listTitle };

/**
 * Renders the member's claims with the first page for the filters in the address, so the list
 * shows before any script runs. The patient comes from the signed-in account only.
 */
export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-claims");
  if (!patientId) {
    return (
      <MessagePanel title={claimsStrings.noPatientTitle} headingLevel={1}>
        <p>{claimsStrings.noPatientBody}</p>
      </MessagePanel>
    );
  }

  const query = readClaimListQueryOrDefault(toSearchParams(await searchParams));
  const db = await getDatabase();
  const store = new FhirStore(db);
  const [page, providers] = await Promise.all([listClaimsPage(db, store, patientId, query), listClaimProviders(db, store, patientId)]);

  return (
    <>
      <h1>{claimsStrings.listTitle}</h1>
      <p>{claimsStrings.listIntro}</p>
      <ClaimsList initialPage={page} initialSearch={toClaimListSearch(query)} providers={providers} />
    </>
  );
}

function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) params.append(key, item);
    }
  }
  return params;
}

