import type { Metadata } from "next";

import { DependentList } from "@/components/member/dependents/dependent-list";
import { dependentsStrings } from "@/components/member/dependents/strings";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { listDependents } from "@/lib/dependents/list-dependents";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

export const metadata: Metadata = { title: dependentsStrings.pageTitle };

/**
 * Lists the people on the signed-in member's coverage, with a switch to each record they may view
 * and the others marked private. The list is always the member's own family, whichever record
 * they are viewing.
 */
export default async function DependentsPage(): Promise<React.ReactElement> {
  const record = await requireMemberRecord();
  const ownPatientId = record.user.patientId;

  const db = await getDatabase();
  const dependents = ownPatientId ? await listDependents(db, new FhirStore(db), ownPatientId, new Date()) : [];
  return (
    <>
      <h1>{dependentsStrings.heading}</h1>
      <p>{dependentsStrings.intro}</p>
      {dependents.length === 0 ? (
        <section className="panel">
          <p>{dependentsStrings.noDependents}</p>
        </section>
      ) : (
        <DependentList dependents={dependents.map((dependent) => ({ ...dependent, current: dependent.patientId === record.patientId }))} />
      )}
    </>
  );
}
