/** Code systems and codes of the care-gap contract shared with the measure pipeline and the member side. */
const codeSystemBase = "https://lakeview.example/fhir/CodeSystem/";

export const careCodes = {
  taskTypeSystem: `${codeSystemBase}task-type`,
  outreachTask: "outreach",
  evidenceReviewTask: "review-reported-evidence",
  evidenceReviewSystem: `${codeSystemBase}evidence-review`,
  evidenceSourceSystem: `${codeSystemBase}evidence-source`,
  outreachOutcomeSystem: `${codeSystemBase}outreach-outcome`,
  communicationCategorySystem: `${codeSystemBase}communication-category`,
  careNoteCategory: "care-note",
  userIdentifierSystem: "https://lakeview.example/fhir/sid/user",
  participationModeSystem: "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode",
  actCodeSystem: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  careGapCode: "CAREGAP",
  gapStatusExtension: "http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/extension-gapStatus",
} as const;

/** Call outcomes a care manager records, in the order the form lists them. */
export const outreachOutcomes = ["reached", "left-voicemail", "no-answer", "wrong-number", "declined"] as const;

export type OutreachOutcome = (typeof outreachOutcomes)[number];

/** Task statuses of an outreach task, in the order the work moves through them. */
export const outreachStatuses = ["requested", "accepted", "in-progress", "completed", "cancelled"] as const;

export type OutreachStatus = (typeof outreachStatuses)[number];

/** The statuses an outreach task may move to from each status; completed and cancelled are final. */
const outreachTransitions: Readonly<Record<OutreachStatus, readonly OutreachStatus[]>> = {
  requested: ["accepted", "in-progress", "cancelled"],
  accepted: ["in-progress", "completed", "cancelled"],
  "in-progress": ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

/** Lists the statuses an outreach task in `status` may move to; none for a final or unknown status. */
export function nextOutreachStatuses(status: string): readonly OutreachStatus[] {
  const known = outreachStatuses.find((candidate) => candidate === status);
  return known ? outreachTransitions[known] : [];
}

/** Task statuses that count as open work on the worklist. */
export const openTaskStatuses = ["draft", "requested", "received", "accepted", "ready", "in-progress", "on-hold"] as const;

/** The evidence-review tag values a reported resource carries. */
export type EvidenceReview = "pending" | "accepted" | "rejected";
