import type { ClaimSummary } from "../claims/claim-summary";
import { listMemberClaims } from "../claims/list-member-claims";
import { toDisplayName } from "../claims/to-display-name";
import { getMemberCoverage, type MemberCoverage } from "../coverage/get-member-coverage";
import type { Database } from "../db/database";
import { ageInYears } from "../dependents/age-in-years";
import { FhirStore } from "../fhir/store/fhir-store";
import { getHealthRecord, type HealthRecord } from "../health-record/get-health-record";
import { toCommunicationView, type CommunicationView } from "./communication-view";
import { listCareGaps, type CareGap } from "../care-gaps/list-care-gaps";
import { listCareManagersForPatient, type CareManagerOption } from "./list-care-managers-for-patient";
import { listPatientResources } from "./list-patient-resources";
import { toTaskView, type TaskView } from "./task-view";

/** Everything the care manager's member page shows about one panel member. */
export interface CareMemberView {
  patientId: string;
  name: string | null;
  birthDate: string | null;
  age: number | null;
  health: HealthRecord;
  claims: ClaimSummary[];
  coverage: Extract<MemberCoverage, { kind: "patient" }> | null;
  gaps: CareGap[];
  tasks: TaskView[];
  communications: CommunicationView[];
  /** Care managers a task of this member can be assigned to. */
  careManagers: CareManagerOption[];
}

/**
 * Loads the member page of a panel member with the same loaders as the member's own pages, plus
 * care gaps, tasks, calls and notes. The caller must have checked that the patient is on the
 * signed-in care manager's panel (requirePanelPatient).
 */
export async function getCareMemberView(db: Database, patientId: string, now: Date = new Date()): Promise<CareMemberView> {
  const store = new FhirStore(db);
  const [patient, health, claims, coverage, gaps, tasks, communications, careManagers] = await Promise.all([
    store.read("Patient", patientId),
    getHealthRecord(store, patientId),
    listMemberClaims(store, patientId),
    getMemberCoverage(store, patientId, now),
    listCareGaps(db, [patientId]),
    listPatientResources(db, patientId, "Task"),
    listPatientResources(db, patientId, "Communication"),
    listCareManagersForPatient(db, patientId),
  ]);

  return {
    patientId,
    name: toDisplayName(patient.name),
    birthDate: patient.birthDate ?? null,
    age: ageInYears(patient.birthDate, now),
    health,
    claims,
    coverage: coverage.kind === "patient" ? withoutRelatives(coverage) : null,
    gaps,
    tasks: tasks.map(toTaskView),
    communications: communications.map(toCommunicationView),
    careManagers,
  };
}

/**
 * Keeps only the member in the plan's list of people, so the view model carries no relative's
 * name. Relatives on a family plan need not be on the care manager's panel, and the access policy
 * lets a care manager reach panel patients only. The family's spending stays, because it is a
 * sum that names no one.
 */
function withoutRelatives(coverage: Extract<MemberCoverage, { kind: "patient" }>): Extract<MemberCoverage, { kind: "patient" }> {
  if (!coverage.coverage) return coverage;
  return { ...coverage, coverage: { ...coverage.coverage, members: coverage.coverage.members.filter((member) => member.isYou) } };
}
