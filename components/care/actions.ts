"use server";

import { acceptEvidence } from "@/lib/care/accept-evidence";
import { addCareNote } from "@/lib/care/add-care-note";
import { assignTask } from "@/lib/care/assign-task";
import { changeTaskStatus } from "@/lib/care/change-task-status";
import { createOutreachTask } from "@/lib/care/create-outreach-task";
import {
  acceptEvidenceSchema,
  addNoteSchema,
  assignTaskSchema,
  changeTaskStatusSchema,
  createTaskSchema,
  recordCallSchema,
  rejectEvidenceSchema,
} from "@/lib/care/outreach-schemas";
import { recordCall } from "@/lib/care/record-call";
import { rejectEvidence } from "@/lib/care/reject-evidence";

import type { CareActionResult } from "./care-action-result";
import { runCareAction } from "./run-care-action";

// Every action checks the role, the form and the panel on the server. Ids from the form are
// looked up only within the signed-in care manager's panel.

/** Creates an outreach task for a panel member. */
export async function createTaskAction(_previous: CareActionResult | null, formData: FormData): Promise<CareActionResult> {
  return runCareAction({ event: "care-create-task", action: "C" }, createTaskSchema, formData, (db, actor, values) =>
    createOutreachTask(db, actor, { ...values, assignToSelf: values.assignToSelf === "on" }),
  );
}

/** Assigns a task to the signed-in care manager or a colleague, at the version the form saw. */
export async function assignTaskAction(formData: FormData): Promise<CareActionResult> {
  return runCareAction({ event: "care-assign-task", action: "U" }, assignTaskSchema, formData, (db, actor, values) => assignTask(db, actor, values));
}

/** Moves an outreach task to another status, at the version the form saw. */
export async function changeTaskStatusAction(formData: FormData): Promise<CareActionResult> {
  return runCareAction({ event: "care-change-task-status", action: "U" }, changeTaskStatusSchema, formData, (db, actor, values) => changeTaskStatus(db, actor, values));
}

/** Records a phone call and its outcome. */
export async function recordCallAction(formData: FormData): Promise<CareActionResult> {
  return runCareAction({ event: "care-record-call", action: "C" }, recordCallSchema, formData, (db, actor, values) => recordCall(db, actor, values));
}

/** Adds a care note without a call. */
export async function addNoteAction(formData: FormData): Promise<CareActionResult> {
  return runCareAction({ event: "care-add-note", action: "C" }, addNoteSchema, formData, (db, actor, values) => addCareNote(db, actor, values));
}

/** Accepts member-reported evidence. */
export async function acceptEvidenceAction(formData: FormData): Promise<CareActionResult> {
  return runCareAction({ event: "care-accept-evidence", action: "U" }, acceptEvidenceSchema, formData, (db, actor, values) => acceptEvidence(db, actor, values));
}

/** Rejects member-reported evidence with a reason the member reads. */
export async function rejectEvidenceAction(formData: FormData): Promise<CareActionResult> {
  return runCareAction({ event: "care-reject-evidence", action: "U" }, rejectEvidenceSchema, formData, (db, actor, values) => rejectEvidence(db, actor, values));
}
