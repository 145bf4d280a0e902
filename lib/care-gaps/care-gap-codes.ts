import type { Coding } from "fhir/r4";

/** Base of the CodeSystems Lakeview defines itself. */
export const lakeviewCodeSystemBase = "https://lakeview.example/fhir/CodeSystem/";

/** DetectedIssue.code of a care gap. */
export const careGapCode = { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "CAREGAP" } as const satisfies Coding;

/** The DEQM modifier extension that says whether a gap is open or closed. */
export const gapStatusExtensionUrl = "http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/extension-gapStatus";
export const gapStatusSystem = "http://hl7.org/fhir/us/davinci-deqm/CodeSystem/gaps-status";

/** meta.tag system of the review state of member-reported evidence: pending, accepted or rejected. */
export const evidenceReviewSystem = `${lakeviewCodeSystemBase}evidence-review`;
/** meta.tag system that says where evidence came from. */
export const evidenceSourceSystem = `${lakeviewCodeSystemBase}evidence-source`;
/** Task.code system of the project's task types. */
export const taskTypeSystem = `${lakeviewCodeSystemBase}task-type`;

/** The tags every member-reported evidence resource starts with. */
export const pendingEvidenceTags = [
  { system: evidenceReviewSystem, code: "pending" },
  { system: evidenceSourceSystem, code: "patient-reported" },
] as const satisfies Coding[];

/** Task.code of the review a care manager does on member-reported evidence. */
export const reviewTaskCode = { system: taskTypeSystem, code: "review-reported-evidence" } as const satisfies Coding;
/** Task.code of an outreach task, which "Ask for help" creates. */
export const outreachTaskCode = { system: taskTypeSystem, code: "outreach" } as const satisfies Coding;
