import type { Task } from "fhir/r4";

import type { Database } from "../db/database";
import type { CareActor } from "./care-actor";
import { readEvidenceReview } from "./read-evidence-review";
import { saveEvidenceDecision } from "./save-evidence-decision";
import { toOwnerReference } from "./to-owner-reference";

/**
 * Rejects member-reported evidence: in one transaction the review Task becomes rejected with the
 * reason in `statusReason.text`, which the member reads, and the evidence resource's review tag
 * rejected.
 */
export async function rejectEvidence(db: Database, actor: CareActor, input: { taskId: string; version: string; reason: string }, now: Date = new Date()): Promise<Task> {
  const { task, evidence } = await readEvidenceReview(db, actor.id, input.taskId, input.version);

  const rejected: Task = { ...task, status: "rejected", statusReason: { text: input.reason }, owner: toOwnerReference(actor), lastModified: now.toISOString() };
  return saveEvidenceDecision(db, rejected, input.version, evidence, "rejected");
}
