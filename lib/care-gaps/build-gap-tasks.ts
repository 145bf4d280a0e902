import { randomUUID } from "node:crypto";

import type { Task } from "fhir/r4";

import { outreachTaskCode, reviewTaskCode } from "./care-gap-codes";
import type { EvidenceResource } from "./build-evidence-resource";

/** Who a Task is about and who asked for it, both Patients. */
export interface GapTaskParties {
  patientId: string;
  /** The signed-in member: the patient, or the subscriber acting for a child. */
  requesterPatientId: string;
  gapId: string;
}

/** Builds the Task that asks a care manager to review member-reported evidence for a gap. */
export function buildReviewTask(parties: GapTaskParties, evidence: EvidenceResource, now: Date): Task {
  return {
    ...taskBase(parties, now),
    code: { coding: [{ ...reviewTaskCode }] },
    focus: { reference: `${evidence.resourceType}/${evidence.id ?? ""}` },
  };
}

/** Builds the outreach Task a member's "Ask for help" on a gap creates; a care manager takes it on. */
export function buildOutreachTask(parties: GapTaskParties, now: Date): Task {
  return { ...taskBase(parties, now), code: { coding: [{ ...outreachTaskCode }] } };
}

function taskBase(parties: GapTaskParties, now: Date): Task {
  return {
    resourceType: "Task",
    id: randomUUID(),
    status: "requested",
    intent: "order",
    for: { reference: `Patient/${parties.patientId}` },
    reasonReference: { reference: `DetectedIssue/${parties.gapId}` },
    authoredOn: now.toISOString(),
    requester: { reference: `Patient/${parties.requesterPatientId}` },
  };
}
