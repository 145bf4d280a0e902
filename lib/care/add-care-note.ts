import type { Communication } from "fhir/r4";

import type { Database } from "../db/database";
import { FhirStore } from "../fhir/store/fhir-store";
import { assertOnPanel } from "./assert-on-panel";
import { careCodes } from "./care-codes";
import type { CareActor } from "./care-actor";
import { toOwnerReference } from "./to-owner-reference";

/**
 * Records a care note without a call: a Communication of category care-note about a patient on
 * the actor's panel, with the note in `payload[0]`.
 */
export async function addCareNote(db: Database, actor: CareActor, input: { patientId: string; note: string }, now: Date = new Date()): Promise<Communication> {
  await assertOnPanel(db, actor.id, input.patientId);

  const communication: Communication = {
    resourceType: "Communication",
    status: "completed",
    category: [{ coding: [{ system: careCodes.communicationCategorySystem, code: careCodes.careNoteCategory, display: "Care note" }] }],
    subject: { reference: `Patient/${input.patientId}` },
    sent: now.toISOString(),
    sender: toOwnerReference(actor),
    payload: [{ contentString: input.note }],
  };
  return new FhirStore(db).create(communication);
}
