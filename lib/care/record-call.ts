import type { Communication } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { assertOnPanel } from "./assert-on-panel";
import { careCodes, type OutreachOutcome } from "./care-codes";
import type { CareActor } from "./care-actor";
import { readPanelTask } from "./read-panel-task";
import { toOwnerReference } from "./to-owner-reference";

/** A phone call to a panel member and how it went. */
export interface RecordCallInput {
  patientId: string;
  /** The outreach task the call was made for; it must be for the same patient. */
  taskId?: string;
  outcome: OutreachOutcome;
  note?: string;
}

const outcomeDisplay: Record<OutreachOutcome, string> = {
  reached: "Reached",
  "left-voicemail": "Left voicemail",
  "no-answer": "No answer",
  "wrong-number": "Wrong number",
  declined: "Declined",
};

/**
 * Records a phone call as a Communication: `basedOn` the task, `subject` the patient, medium
 * PHONE, the outcome in `statusReason` and the note in `payload[0]`.
 */
export async function recordCall(db: Database, actor: CareActor, input: RecordCallInput, now: Date = new Date()): Promise<Communication> {
  await assertOnPanel(db, actor.id, input.patientId);
  if (input.taskId !== undefined) {
    const { patientId } = await readPanelTask(db, actor.id, input.taskId);
    if (patientId !== input.patientId) {
      throw new FhirError("invalid", `Task/${input.taskId} is for another patient; record the call from that patient's page.`);
    }
  }

  const communication: Communication = {
    resourceType: "Communication",
    status: "completed",
    subject: { reference: `Patient/${input.patientId}` },
    medium: [{ coding: [{ system: careCodes.participationModeSystem, code: "PHONE", display: "telephone" }] }],
    statusReason: { coding: [{ system: careCodes.outreachOutcomeSystem, code: input.outcome, display: outcomeDisplay[input.outcome] }] },
    sent: now.toISOString(),
    sender: toOwnerReference(actor),
    recipient: [{ reference: `Patient/${input.patientId}` }],
    ...(input.taskId !== undefined && { basedOn: [{ reference: `Task/${input.taskId}` }] }),
    ...(input.note && { payload: [{ contentString: input.note }] }),
  };
  return new FhirStore(db).create(communication);
}
