import type { Metadata } from "next";

import { MedicationTables } from "@/components/member/health/medication-tables";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { listMedications } from "@/lib/health-record/list-medications";

export const metadata: Metadata = { title: healthStrings.sections.medications };

/** Renders the member's current and past prescriptions. */
export default async function MedicationsPage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-medications");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const medications = await listMedications(new FhirStore(await getDatabase()), patientId);

  return (
    <>
      <h1>{healthStrings.sections.medications}</h1>
      <MedicationTables medications={medications} />
    </>
  );
}
