import type { Metadata } from "next";

import { AllergyTable } from "@/components/member/health/allergy-table";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { listAllergies } from "@/lib/health-record/list-allergies";

export const metadata: Metadata = { title: healthStrings.sections.allergies };

/** Renders the member's allergies and intolerances. */
export default async function AllergiesPage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-allergies");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const allergies = await listAllergies(new FhirStore(await getDatabase()), patientId);

  return (
    <>
      <h1>{healthStrings.sections.allergies}</h1>
      <AllergyTable allergies={allergies} />
    </>
  );
}
