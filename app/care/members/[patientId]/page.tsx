import type { Metadata } from "next";
import Link from "next/link";

import { CareClaimsTable } from "@/components/care/care-claims-table";
import { CareGapsTable } from "@/components/care/care-gaps-table";
import { ContactTimeline } from "@/components/care/contact-timeline";
import { CreateTaskForm } from "@/components/care/create-task-form";
import { formatCareDate } from "@/components/care/format-care-date";
import { careStrings } from "@/components/care/strings";
import { TaskList } from "@/components/care/task-list";
import { AccumulatorTable } from "@/components/member/coverage/accumulator-table";
import { PlanDetails } from "@/components/member/coverage/plan-details";
import { AllergyTable } from "@/components/member/health/allergy-table";
import { ConditionTables } from "@/components/member/health/condition-tables";
import { ImmunizationTable } from "@/components/member/health/immunization-table";
import { LabResultsTable } from "@/components/member/health/lab-results-table";
import { MedicationTables } from "@/components/member/health/medication-tables";
import { ProcedureTable } from "@/components/member/health/procedure-table";
import { PlanCard } from "@/components/member/plan-card";
import { recordCareAudit } from "@/components/care/record-care-audit";
import { getCareMemberView } from "@/lib/care/get-care-member-view";
import { requirePanelPatient } from "@/lib/care/require-panel-patient";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: careStrings.member.title };

const strings = careStrings.member;

/**
 * Renders one panel member for their care manager: gaps, tasks, calls and notes, then the same
 * health record, coverage and claims the member's own pages show. A patient off the panel gets a 404.
 */
export default async function CareMemberPage({ params }: { params: Promise<{ patientId: string }> }): Promise<React.ReactElement> {
  const { patientId } = await params;
  const user = await requirePanelPatient(patientId);

  const view = await getCareMemberView(await getDatabase(), patientId);
  await recordCareAudit(user, { event: "care-member-view", action: "R", patientIds: [patientId] });

  return (
    <>
      <p>
        <Link href="/care">{strings.back}</Link>
      </p>
      <h1>{view.name ?? careStrings.unnamed}</h1>
      <p>{strings.born(formatCareDate(view.birthDate), view.age)}</p>

      <section className="panel" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">{strings.gapsHeading}</h2>
        <CareGapsTable gaps={view.gaps} />
      </section>

      <section className="panel" aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">{strings.tasksHeading}</h2>
        <TaskList tasks={view.tasks} careManagers={view.careManagers} currentUserId={user.id} />
        <CreateTaskForm patientId={patientId} gaps={view.gaps} />
      </section>

      <section className="panel" aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{strings.contactsHeading}</h2>
        <ContactTimeline patientId={patientId} communications={view.communications} tasks={view.tasks} authorName={user.name} />
      </section>

      <h2>{strings.healthHeading}</h2>
      <ConditionTables conditions={view.health.conditions} />
      <MedicationTables medications={view.health.medications} />
      <AllergyTable allergies={view.health.allergies} />
      <ImmunizationTable immunizations={view.health.immunizations} />
      <ProcedureTable procedures={view.health.procedures} />
      <LabResultsTable results={view.health.labs.results} />

      <section className="panel" aria-labelledby="care-coverage-heading">
        <h2 id="care-coverage-heading">{strings.coverageHeading}</h2>
        {view.coverage ? <AccumulatorTable spending={view.coverage.spending} viewedName={view.name} /> : <p>{strings.noCoverage}</p>}
      </section>
      {view.coverage?.coverage ? <PlanDetails coverage={view.coverage.coverage} /> : <PlanCard plan={view.coverage?.planFromClaims ?? null} />}

      <section className="panel" aria-labelledby="care-claims-heading">
        <h2 id="care-claims-heading">{strings.claimsHeading}</h2>
        <CareClaimsTable claims={view.claims} />
      </section>
    </>
  );
}
