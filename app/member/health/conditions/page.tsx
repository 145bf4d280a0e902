import type { Metadata } from "next";

import { ConditionTables } from "@/components/member/health/condition-tables";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { listConditions } from "@/lib/health-record/list-conditions";

export const metadata: Metadata = { title: healthStrings.sections.conditions };

/** Renders the member's active and past conditions. */
export default async function ConditionsPage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-conditions");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const conditions = await listConditions(new FhirStore(await getDatabase()), patientId);

  return (
    <>
      <h1>{healthStrings.sections.conditions}</h1>
      <ConditionTables conditions={conditions} />
    </>
  );
}
