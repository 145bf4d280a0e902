import type { Task } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { careCodes, nextOutreachStatuses, type OutreachStatus } from "./care-codes";
import type { CareActor } from "./care-actor";
import { assertTaskVersion, hasTaskType, readPanelTask } from "./read-panel-task";
import { saveTaskVersion } from "./save-task-version";

/** The task, the version the form was loaded with, and the status to move to. */
export interface ChangeTaskStatusInput {
  taskId: string;
  version: string;
  status: OutreachStatus;
}

/**
 * Moves an outreach Task of the actor's panel to another status along `outreachTransitions`.
 * Evidence-review tasks are decided through acceptEvidence and rejectEvidence instead.
 */
export async function changeTaskStatus(db: Database, actor: CareActor, input: ChangeTaskStatusInput, now: Date = new Date()): Promise<Task> {
  const { task } = await readPanelTask(db, actor.id, input.taskId);
  assertTaskVersion(task, input.version);
  if (!hasTaskType(task, careCodes.taskTypeSystem, careCodes.outreachTask)) {
    throw new FhirError("invalid", `Task/${task.id} is not an outreach task; decide reported evidence from the evidence review page.`);
  }

  const allowed = nextOutreachStatuses(task.status);
  if (!allowed.includes(input.status)) {
    const next = allowed.length > 0 ? `it can move to ${allowed.join(", ")}` : "it is final";
    throw new FhirError("invalid", `Task/${task.id} cannot move from ${task.status} to ${input.status}; ${next}.`);
  }
  return saveTaskVersion(new FhirStore(db), { ...task, status: input.status }, input.version, now);
}
