import type { Task } from "fhir/r4";

import { careCodes } from "./care-codes";
import { hasTaskType } from "./read-panel-task";

/** A Task as the member view and the evidence review list show it. */
export interface TaskView {
  id: string;
  /** meta.versionId, which a form sends back so a concurrent change is detected. */
  version: string;
  kind: "outreach" | "evidence-review" | "other";
  status: Task["status"];
  description: string | null;
  ownerId: string | null;
  ownerName: string | null;
  /** The DetectedIssue id of the care gap the task is about; null when it is about none. */
  gapId: string | null;
  statusReason: string | null;
  authoredOn: string | null;
  lastModified: string | null;
}

/** Maps a Task to its view model. */
export function toTaskView(task: Task): TaskView {
  return {
    id: task.id ?? "",
    version: task.meta?.versionId ?? "",
    kind: kindOf(task),
    status: task.status,
    description: task.description ?? null,
    ownerId: task.owner?.identifier?.system === careCodes.userIdentifierSystem ? (task.owner.identifier.value ?? null) : null,
    ownerName: task.owner?.display ?? null,
    gapId: /^DetectedIssue\/(.+)$/.exec(task.reasonReference?.reference ?? "")?.[1] ?? null,
    statusReason: task.statusReason?.text ?? null,
    authoredOn: task.authoredOn ?? null,
    lastModified: task.lastModified ?? task.meta?.lastUpdated ?? null,
  };
}

function kindOf(task: Task): TaskView["kind"] {
  if (hasTaskType(task, careCodes.taskTypeSystem, careCodes.outreachTask)) return "outreach";
  if (hasTaskType(task, careCodes.taskTypeSystem, careCodes.evidenceReviewTask)) return "evidence-review";
  return "other";
}
