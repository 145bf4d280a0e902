import type { Task } from "fhir/r4";

import { isReferenceTo, toReferenceTarget } from "../claims/reference-target";
import type { FhirStore } from "../fhir/store/fhir-store";
import { outreachTaskCode, reviewTaskCode } from "./care-gap-codes";

/** The review and outreach Tasks about one gap. */
export interface GapTasks {
  reviews: Task[];
  outreach: Task[];
}

/**
 * Lists the patient's review and outreach Tasks by the id of the DetectedIssue they give as their
 * reason. Task has no search parameter for reasonReference, so the patient's Tasks are read from
 * their compartment and sorted here; a patient has a handful of them.
 */
export async function listGapTasks(store: FhirStore, patientId: string): Promise<Map<string, GapTasks>> {
  const tasks = await store.listInPatientCompartment(patientId, "Task");

  const byGap = new Map<string, GapTasks>();
  for (const task of tasks) {
    const reason = toReferenceTarget(task.reasonReference);
    if (!isReferenceTo(task.for, "Patient", patientId) || reason?.resourceType !== "DetectedIssue") continue;
    const kind = taskKindOf(task);
    if (kind === null) continue;

    const entry = byGap.get(reason.id) ?? { reviews: [], outreach: [] };
    entry[kind].push(task);
    byGap.set(reason.id, entry);
  }
  return byGap;
}

function taskKindOf(task: Task): "reviews" | "outreach" | null {
  const codings = task.code?.coding ?? [];
  if (codings.some((coding) => coding.system === reviewTaskCode.system && coding.code === reviewTaskCode.code)) return "reviews";
  if (codings.some((coding) => coding.system === outreachTaskCode.system && coding.code === outreachTaskCode.code)) return "outreach";
  return null;
}
