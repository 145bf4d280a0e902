import type { Task } from "fhir/r4";

import { parseFhirDate } from "../claims/parse-fhir-date";
import type { GapTasks } from "./list-gap-tasks";

/** Where the member's latest report on a gap stands. */
export type ReviewState =
  | { kind: "none" }
  | { kind: "pending"; reportedOn: string }
  | { kind: "accepted"; reportedOn: string }
  | { kind: "rejected"; reportedOn: string; reason: string | null };

/** Task statuses after which a Task needs no more work. */
const finishedStatuses: ReadonlySet<Task["status"]> = new Set(["completed", "cancelled", "rejected", "failed", "entered-in-error"]);

/** Tells whether a Task still waits for someone to act on it. */
export function isTaskOpen(task: Task): boolean {
  return !finishedStatuses.has(task.status);
}

/**
 * Reads the state of the member's latest report from the review Tasks of one gap. A Task still
 * open is pending whatever came before it, so a new report after a rejection reads as pending.
 */
export function toReviewState(tasks: GapTasks | undefined): ReviewState {
  const reviews = [...(tasks?.reviews ?? [])].filter((task) => task.status !== "entered-in-error" && task.status !== "cancelled");
  const open = reviews.find(isTaskOpen);
  if (open) return { kind: "pending", reportedOn: reportedOn(open) };

  const latest = reviews.sort((a, b) => authoredTime(b) - authoredTime(a))[0];
  if (!latest) return { kind: "none" };
  if (latest.status === "completed") return { kind: "accepted", reportedOn: reportedOn(latest) };
  if (latest.status === "rejected") return { kind: "rejected", reportedOn: reportedOn(latest), reason: latest.statusReason?.text?.trim() || null };
  return { kind: "none" };
}

/** Tells whether an outreach Task about the gap is still open, so the member's request for help is on file. */
export function hasOpenOutreach(tasks: GapTasks | undefined): boolean {
  return (tasks?.outreach ?? []).some(isTaskOpen);
}

function authoredTime(task: Task): number {
  return parseFhirDate(task.authoredOn)?.start.getTime() ?? 0;
}

function reportedOn(task: Task): string {
  return task.authoredOn?.slice(0, 10) ?? "";
}
