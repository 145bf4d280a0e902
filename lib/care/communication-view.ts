import type { Communication } from "fhir/r4";

import { careCodes, outreachOutcomes, type OutreachOutcome } from "./care-codes";

/** A call or care note as the member view lists it. */
export interface CommunicationView {
  id: string;
  kind: "call" | "note" | "other";
  /** Communication.sent as written; null when absent. */
  sent: string | null;
  /** The call outcome; null for notes and for calls without a known outcome. */
  outcome: OutreachOutcome | null;
  note: string | null;
  authorName: string | null;
  taskId: string | null;
}

/** Maps a Communication to its view model. */
export function toCommunicationView(communication: Communication): CommunicationView {
  const outcomeCode = communication.statusReason?.coding?.find((coding) => coding.system === careCodes.outreachOutcomeSystem)?.code;
  return {
    id: communication.id ?? "",
    kind: kindOf(communication),
    sent: communication.sent ?? null,
    outcome: outreachOutcomes.find((outcome) => outcome === outcomeCode) ?? null,
    note: communication.payload?.[0]?.contentString ?? null,
    authorName: communication.sender?.display ?? null,
    taskId: /^Task\/(.+)$/.exec(communication.basedOn?.[0]?.reference ?? "")?.[1] ?? null,
  };
}

function kindOf(communication: Communication): CommunicationView["kind"] {
  const isNote = communication.category?.some((category) =>
    category.coding?.some((coding) => coding.system === careCodes.communicationCategorySystem && coding.code === careCodes.careNoteCategory),
  );
  if (isNote) return "note";
  const isCall = communication.medium?.some((medium) => medium.coding?.some((coding) => coding.system === careCodes.participationModeSystem && coding.code === "PHONE"));
  return isCall ? "call" : "other";
}
