import type { CodeableConcept, Patient, Task } from "fhir/r4";

import { toDisplayName } from "../claims/to-display-name";
import type { Database } from "../db/database";
import { careCodes } from "./care-codes";
import type { EvidenceResource } from "./read-evidence-review";

/** One undecided review of member-reported evidence on the care manager's panel. */
export interface EvidenceReviewView {
  taskId: string;
  version: string;
  patientId: string;
  patientName: string | null;
  evidenceType: EvidenceResource["resourceType"] | null;
  /** The coded text of what the member reported, such as "Mammography"; null when unnamed. */
  evidenceName: string | null;
  /** The date the member gave, as written in the resource; null when absent. */
  evidenceDate: string | null;
  reportedOn: string | null;
  gapId: string | null;
}

interface ReviewRow {
  task: Task;
  patient: Patient | null;
  evidence: EvidenceResource | null;
}

/**
 * Lists the undecided review-reported-evidence Tasks of every patient on the care manager's
 * panel, oldest first, with the Patient and the reported resource. `careManagerId` must come
 * from the signed-in account.
 */
export async function listEvidenceReviews(db: Database, careManagerId: string): Promise<EvidenceReviewView[]> {
  const rows = await db.sql.query<ReviewRow>(
    `SELECT v.content AS task, pv.content AS patient, ev.content AS evidence
     FROM care_panel_member member
     JOIN search_reference ref ON ref.resource_type = 'Task' AND ref.param = 'patient' AND ref.target_type = 'Patient' AND ref.target_id = member.patient_id
     JOIN resource r ON r.resource_type = 'Task' AND r.id = ref.resource_id AND NOT r.deleted
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     LEFT JOIN resource pr ON pr.resource_type = 'Patient' AND pr.id = member.patient_id AND NOT pr.deleted
     LEFT JOIN resource_version pv ON pv.resource_type = pr.resource_type AND pv.id = pr.id AND pv.version_id = pr.version_id
     LEFT JOIN resource er ON er.resource_type = split_part(v.content->'focus'->>'reference', '/', 1)
       AND er.resource_type IN ('Observation', 'Procedure', 'Immunization')
       AND er.id = split_part(v.content->'focus'->>'reference', '/', 2) AND NOT er.deleted
     LEFT JOIN resource_version ev ON ev.resource_type = er.resource_type AND ev.id = er.id AND ev.version_id = er.version_id
     WHERE member.care_manager_id = $1::uuid
       AND EXISTS (SELECT 1 FROM search_token t WHERE t.resource_type = 'Task' AND t.resource_id = r.id AND t.param = 'code' AND t.system = $2 AND t.code = $3)
       AND EXISTS (SELECT 1 FROM search_token t WHERE t.resource_type = 'Task' AND t.resource_id = r.id AND t.param = 'status'
         AND t.code IN ('requested', 'received', 'accepted', 'ready', 'in-progress', 'on-hold'))
     ORDER BY v.content->>'authoredOn' ASC NULLS LAST, r.id`,
    [careManagerId, careCodes.taskTypeSystem, careCodes.evidenceReviewTask],
  );
  return rows.map(toEvidenceReviewView);
}

function toEvidenceReviewView(row: ReviewRow): EvidenceReviewView {
  const { task, evidence } = row;
  const evidenceAboutPatient = evidence && subjectReferenceOf(evidence) === task.for?.reference ? evidence : null;
  return {
    taskId: task.id ?? "",
    version: task.meta?.versionId ?? "",
    patientId: task.for?.reference?.split("/")[1] ?? "",
    patientName: toDisplayName(row.patient?.name),
    evidenceType: evidenceAboutPatient?.resourceType ?? null,
    evidenceName: evidenceAboutPatient ? conceptText(codeOf(evidenceAboutPatient)) : null,
    evidenceDate: evidenceAboutPatient ? dateOf(evidenceAboutPatient) : null,
    reportedOn: task.authoredOn ?? null,
    gapId: /^DetectedIssue\/(.+)$/.exec(task.reasonReference?.reference ?? "")?.[1] ?? null,
  };
}

function subjectReferenceOf(evidence: EvidenceResource): string | undefined {
  return evidence.resourceType === "Immunization" ? evidence.patient.reference : evidence.subject?.reference;
}

function codeOf(evidence: EvidenceResource): CodeableConcept | undefined {
  return evidence.resourceType === "Immunization" ? evidence.vaccineCode : evidence.code;
}

function dateOf(evidence: EvidenceResource): string | null {
  switch (evidence.resourceType) {
    case "Observation":
      return evidence.effectiveDateTime ?? evidence.effectivePeriod?.start ?? null;
    case "Procedure":
      return evidence.performedDateTime ?? evidence.performedPeriod?.start ?? null;
    case "Immunization":
      return evidence.occurrenceDateTime ?? null;
  }
}

function conceptText(concept: CodeableConcept | undefined): string | null {
  return concept?.text ?? concept?.coding?.find((coding) => coding.display)?.display ?? null;
}
