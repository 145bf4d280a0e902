import type { Immunization, Observation, Procedure, Task } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirError, isFhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { careCodes, type EvidenceReview } from "./care-codes";
import { assertTaskVersion, hasTaskType, readPanelTask } from "./read-panel-task";

/** The clinical resource types a member's reported evidence is stored as. */
export type EvidenceResource = Observation | Procedure | Immunization;

const evidenceTypes = ["Observation", "Procedure", "Immunization"] as const;

/** Task statuses of a review that has not been decided yet. */
const undecidedStatuses: readonly Task["status"][] = ["requested", "received", "accepted", "ready", "in-progress", "on-hold"];

/** An undecided evidence-review Task of the panel, with the reported resource it is about. */
export interface EvidenceReviewRecord {
  task: Task;
  patientId: string;
  evidence: EvidenceResource;
}

/**
 * Reads an undecided review-reported-evidence Task of the actor's panel at the version the form
 * was loaded with, and the resource its `focus` names. The resource must be about the same
 * patient, so a forged focus cannot reach another member's record.
 */
export async function readEvidenceReview(db: Database, careManagerId: string, taskId: string, version: string): Promise<EvidenceReviewRecord> {
  const { task, patientId } = await readPanelTask(db, careManagerId, taskId);
  assertTaskVersion(task, version);
  if (!hasTaskType(task, careCodes.taskTypeSystem, careCodes.evidenceReviewTask)) {
    throw new FhirError("invalid", `Task/${taskId} is not an evidence review; open it from the evidence review list.`);
  }
  if (!undecidedStatuses.includes(task.status)) {
    throw new FhirError("conflict", `Task/${taskId} was already decided (${task.status}); reload the evidence review list.`);
  }

  const evidence = await readFocus(db, task);
  if (subjectOf(evidence) !== `Patient/${patientId}`) {
    throw new FhirError("invalid", `The evidence of Task/${taskId} is about another patient; it cannot be decided here.`);
  }
  return { task, patientId, evidence };
}

function isEvidenceType(type: string | undefined): type is EvidenceResource["resourceType"] {
  return evidenceTypes.some((candidate) => candidate === type);
}

async function readFocus(db: Database, task: Task): Promise<EvidenceResource> {
  const [type, id] = (task.focus?.reference ?? "").split("/");
  const missing = new FhirError("invalid", `Task/${task.id} names no Observation, Procedure or Immunization as its focus; it cannot be decided.`);
  if (!id || !isEvidenceType(type)) throw missing;
  try {
    return await new FhirStore(db).read(type, id);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) throw missing;
    throw error;
  }
}

function subjectOf(evidence: EvidenceResource): string | undefined {
  return evidence.resourceType === "Immunization" ? evidence.patient.reference : evidence.subject?.reference;
}

/** Returns a copy of the resource whose evidence-review tag is `review`, other tags kept. */
export function withEvidenceReview<T extends EvidenceResource>(evidence: T, review: EvidenceReview): T {
  const tags = (evidence.meta?.tag ?? []).filter((tag) => tag.system !== careCodes.evidenceReviewSystem);
  return { ...evidence, meta: { ...evidence.meta, tag: [...tags, { system: careCodes.evidenceReviewSystem, code: review }] } };
}
