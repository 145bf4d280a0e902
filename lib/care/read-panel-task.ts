import type { Task } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirError, isFhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { assertOnPanel } from "./assert-on-panel";

/** A Task with the panel member it is for. */
export interface PanelTask {
  task: Task;
  patientId: string;
}

/**
 * Reads a Task whose `for` is a patient on the care manager's panel. A Task that is absent,
 * deleted, not for a Patient or for a patient off the panel is reported as not found alike.
 */
export async function readPanelTask(db: Database, careManagerId: string, taskId: string): Promise<PanelTask> {
  const notFound = new FhirError("not-found", `Task/${taskId} is not a task of this care manager's panel; reload the page.`);
  let task: Task;
  try {
    task = await new FhirStore(db).read("Task", taskId);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) throw notFound;
    throw error;
  }

  const match = /^Patient\/([A-Za-z0-9.-]{1,64})$/.exec(task.for?.reference ?? "");
  const patientId = match?.[1];
  if (!patientId) throw notFound;
  try {
    await assertOnPanel(db, careManagerId, patientId);
  } catch (error) {
    if (isFhirError(error, "not-found")) throw notFound;
    throw error;
  }
  return { task, patientId };
}

/** Throws a conflict when the stored Task is no longer at the version the form was loaded with. */
export function assertTaskVersion(task: Task, version: string): void {
  if (task.meta?.versionId !== version) {
    throw new FhirError("conflict", `Task/${task.id} is at version ${task.meta?.versionId ?? "(none)"}, not ${version}; someone else changed it, so reload and retry.`);
  }
}

/** Tells whether a Task has the given task-type code. */
export function hasTaskType(task: Task, system: string, code: string): boolean {
  return task.code?.coding?.some((coding) => coding.system === system && coding.code === code) ?? false;
}
