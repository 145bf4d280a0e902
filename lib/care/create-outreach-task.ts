import type { Task } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { assertOnPanel } from "./assert-on-panel";
import { careCodes } from "./care-codes";
import type { CareActor } from "./care-actor";
import { listCareGaps } from "../care-gaps/list-care-gaps";
import { toOwnerReference } from "./to-owner-reference";

/** The fields a care manager fills in to open an outreach task. */
export interface CreateOutreachTaskInput {
  patientId: string;
  description: string;
  /** A care gap of the same patient the task is about. */
  gapId?: string;
  assignToSelf?: boolean;
}

/**
 * Creates an outreach Task (status requested, or accepted when assigned to the creator at once)
 * for a patient on the actor's panel. A gap id must name one of that patient's care gaps.
 */
export async function createOutreachTask(db: Database, actor: CareActor, input: CreateOutreachTaskInput, now: Date = new Date()): Promise<Task> {
  await assertOnPanel(db, actor.id, input.patientId);
  if (input.gapId !== undefined) {
    const gaps = await listCareGaps(db, [input.patientId]);
    if (!gaps.some((gap) => gap.id === input.gapId)) {
      throw new FhirError("invalid", `DetectedIssue/${input.gapId} is not a care gap of this patient; pick a gap from the member's list.`);
    }
  }

  const task: Task = {
    resourceType: "Task",
    status: input.assignToSelf ? "accepted" : "requested",
    intent: "order",
    code: { coding: [{ system: careCodes.taskTypeSystem, code: careCodes.outreachTask, display: "Outreach" }] },
    description: input.description,
    for: { reference: `Patient/${input.patientId}` },
    authoredOn: now.toISOString(),
    lastModified: now.toISOString(),
    requester: toOwnerReference(actor),
    ...(input.gapId !== undefined && { reasonReference: { reference: `DetectedIssue/${input.gapId}` } }),
    ...(input.assignToSelf && { owner: toOwnerReference(actor) }),
  };
  return new FhirStore(db).create(task);
}
