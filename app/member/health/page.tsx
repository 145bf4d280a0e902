import type { Metadata } from "next";

import { HealthOverview } from "@/components/member/health/health-overview";
import styles from "@/components/member/health/health.module.css";
import { NoRecordPanel } from "@/components/member/health/no-record-panel";
import { healthStrings } from "@/components/member/health/strings";
import { recordMemberView } from "@/lib/audit/record-member-view";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { getHealthSummary } from "@/lib/health-record/get-health-summary";

export const metadata: Metadata = { title: healthStrings.title };

/** Renders the overview of the signed-in member's health record. The patient comes from the account only. */
export default async function HealthPage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const { patientId } = record;
  await recordMemberView(record, "member-health");
  if (!patientId) {
    return <NoRecordPanel />;
  }

  const summary = await getHealthSummary(new FhirStore(await getDatabase()), patientId);

  return (
    <>
      <h1>{healthStrings.title}</h1>
      <p className={styles.intro}>{healthStrings.intro}</p>
      <HealthOverview summary={summary} />
    </>
  );
}
