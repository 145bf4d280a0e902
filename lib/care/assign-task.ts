import type { Task } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirError, isFhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { assertOnPanel } from "./assert-on-panel";
import type { CareActor } from "./care-actor";
import { assertTaskVersion, readPanelTask } from "./read-panel-task";
import { saveTaskVersion } from "./save-task-version";
import { toOwnerReference } from "./to-owner-reference";

/** The task, the version the form was loaded with, and the care manager account to assign it to. */
export interface AssignTaskInput {
  taskId: string;
  version: string;
  assigneeId: string;
}

/**
 * Sets the owner of a Task of the actor's panel to a care manager who has the same patient on
 * their own panel: the actor, or a colleague. A requested task becomes accepted.
 */
export async function assignTask(db: Database, actor: CareActor, input: AssignTaskInput, now: Date = new Date()): Promise<Task> {
  const { task, patientId } = await readPanelTask(db, actor.id, input.taskId);
  assertTaskVersion(task, input.version);
  const assignee = await readAssignee(db, input.assigneeId, patientId);

  const status = task.status === "requested" ? "accepted" : task.status;
  return saveTaskVersion(new FhirStore(db), { ...task, status, owner: toOwnerReference(assignee) }, input.version, now);
}

async function readAssignee(db: Database, assigneeId: string, patientId: string): Promise<CareActor> {
  const assignee = await db.prisma.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true, role: true } });
  if (!assignee || assignee.role !== "care_manager") {
    throw new FhirError("invalid", `User ${assigneeId} is not a care manager account; pick a care manager from the list.`);
  }
  try {
    await assertOnPanel(db, assignee.id, patientId);
  } catch (error) {
    if (!isFhirError(error, "not-found")) throw error;
    throw new FhirError("invalid", `${assignee.name} does not have this patient on their panel; ask an admin to add the patient to their panel first.`);
  }
  return { id: assignee.id, name: assignee.name };
}
