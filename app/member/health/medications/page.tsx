import type { Metadata } from "next";

import { MedicationTables } from "@/components/member/health/medication-tables";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { healthStrings } from "@/components/member/health/strings";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { listMedications } from "@/lib/health-record/list-medications";

export const metadata: Metadata = { title: healthStrings.sections.medications };

/** Renders the member's current and past prescriptions. */
export default async function MedicationsPage(): Promise<React.ReactElement> {
  const { patientId } = await requireMemberRecord();
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
