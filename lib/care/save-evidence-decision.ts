import type { Task } from "fhir/r4";

import type { Database } from "../db/database";
import { assertValidResource } from "../fhir/assert-valid-resource";
import { FhirStore } from "../fhir/store/fhir-store";
import type { EvidenceReview } from "./care-codes";
import { withEvidenceReview, type EvidenceResource } from "./read-evidence-review";

/**
 * Stores a decided review Task and the evidence resource with its new review tag in one
 * transaction. Each is written only if still at the version read, so when another decision
 * came first both writes roll back with a conflict. Returns the stored Task.
 */
export async function saveEvidenceDecision(db: Database, decided: Task, taskVersion: string, evidence: EvidenceResource, review: Exclude<EvidenceReview, "pending">): Promise<Task> {
  const tagged = withEvidenceReview(evidence, review);
  assertValidResource(decided);
  assertValidResource(tagged);

  const [taskOutcome] = await new FhirStore(db).writeAll([
    { kind: "put", resource: decided, ifMatch: taskVersion },
    { kind: "put", resource: tagged, ifMatch: evidence.meta?.versionId },
  ]);
  const stored = taskOutcome?.resource;
  return stored?.resourceType === "Task" ? stored : decided;
}
