import type { Task } from "fhir/r4";

import type { Database } from "../db/database";
import type { CareActor } from "./care-actor";
import { readEvidenceReview } from "./read-evidence-review";
import { recomputeCareGapsAfterEvidence } from "./recompute-care-gaps-after-evidence";
import { saveEvidenceDecision } from "./save-evidence-decision";
import { toOwnerReference } from "./to-owner-reference";

/**
 * Accepts member-reported evidence: in one transaction the review Task becomes completed and the
 * evidence resource's review tag accepted, so a concurrent decision fails with a conflict and
 * leaves both unchanged. Then requests the recompute that closes the gap.
 */
export async function acceptEvidence(db: Database, actor: CareActor, input: { taskId: string; version: string }, now: Date = new Date()): Promise<Task> {
  const { task, patientId, evidence } = await readEvidenceReview(db, actor.id, input.taskId, input.version);

  const completed: Task = { ...task, status: "completed", owner: toOwnerReference(actor), lastModified: now.toISOString() };
  const stored = await saveEvidenceDecision(db, completed, input.version, evidence, "accepted");

  await recomputeCareGapsAfterEvidence(db, patientId);
  return stored;
}
