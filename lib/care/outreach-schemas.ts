import { z } from "zod";

import { outreachOutcomes, outreachStatuses } from "./care-codes";
import { toFirstValues } from "./to-first-values";

const fhirId = z.string({ error: "is missing" }).regex(/^[A-Za-z0-9.-]{1,64}$/, { error: "must be a FHIR id: 1 to 64 letters, digits, dots or hyphens" });
const versionId = z.string({ error: "is missing" }).regex(/^[1-9]\d{0,9}$/, { error: "must be the version number the form was loaded with" });
const userId = z.uuid({ error: "must be the id of a care manager account" });
const maxTextLength = 2_000;

function requiredText(label: string): z.ZodString {
  return z
    .string({ error: "is missing" })
    .trim()
    .min(1, { error: `must not be empty; write the ${label}` })
    .max(maxTextLength, { error: `must be at most ${maxTextLength} characters` });
}

const optionalNote = z.string().trim().max(maxTextLength, { error: `must be at most ${maxTextLength} characters` }).optional();

/** Creating an outreach task for a panel member, optionally about one of their care gaps. */
export const createTaskSchema = z.object({
  patientId: fhirId,
  description: requiredText("task description"),
  gapId: fhirId.optional(),
  assignToSelf: z.enum(["on"], { error: 'must be "on" or left out' }).optional(),
});

/** Assigning a task to a care manager, the signed-in one included. */
export const assignTaskSchema = z.object({
  taskId: fhirId,
  version: versionId,
  assigneeId: userId,
});

/** Moving an outreach task to another status. */
export const changeTaskStatusSchema = z.object({
  taskId: fhirId,
  version: versionId,
  status: z.enum(outreachStatuses, { error: `must be one of ${outreachStatuses.join(", ")}` }),
});

/** Recording a phone call and its outcome, optionally for an outreach task. */
export const recordCallSchema = z.object({
  patientId: fhirId,
  taskId: fhirId.optional(),
  outcome: z.enum(outreachOutcomes, { error: `must be one of ${outreachOutcomes.join(", ")}` }),
  note: optionalNote,
});

/** Adding a care note without a call. */
export const addNoteSchema = z.object({
  patientId: fhirId,
  note: requiredText("note"),
});

/** Accepting member-reported evidence. */
export const acceptEvidenceSchema = z.object({
  taskId: fhirId,
  version: versionId,
});

/** Rejecting member-reported evidence; the member reads the reason. */
export const rejectEvidenceSchema = z.object({
  taskId: fhirId,
  version: versionId,
  reason: requiredText("reason the member will read"),
});

/** The outcome of parsing a form: its values, or every invalid field with why. */
export type ParsedForm<T> = { ok: true; values: T } | { ok: false; errors: Record<string, string> };

/**
 * Parses a submitted form with a schema. Empty fields count as not sent, so optional fields may
 * be left blank, and each invalid field gets its first message.
 */
export function parseForm<T>(schema: z.ZodType<T>, formData: FormData): ParsedForm<T> {
  const result = schema.safeParse(toFirstValues(formData));
  if (result.success) {
    return { ok: true, values: result.data };
  }
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
