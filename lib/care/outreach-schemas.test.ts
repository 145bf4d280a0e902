import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { addNoteSchema, assignTaskSchema, changeTaskStatusSchema, createTaskSchema, parseForm, recordCallSchema, rejectEvidenceSchema } from "./outreach-schemas";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const validUser = "8f7d3c2a-1b4e-4c6d-9a8b-7c6d5e4f3a2b";

type InvalidCase = [name: string, schema: z.ZodType<unknown>, fields: Record<string, string>, errors: Record<string, string>];

describe("parseForm", () => {
  it.each<InvalidCase>([
    ["createTaskSchema without description", createTaskSchema, { patientId: "pat-1" }, { description: "is missing" }],
    ["createTaskSchema with blank description", createTaskSchema, { patientId: "pat-1", description: "   " }, { description: "must not be empty; write the task description" }],
    ["createTaskSchema with a forged patient id", createTaskSchema, { patientId: "../Patient/x", description: "Call" }, { patientId: "must be a FHIR id: 1 to 64 letters, digits, dots or hyphens" }],
    ["createTaskSchema with too long text", createTaskSchema, { patientId: "pat-1", description: "x".repeat(2_001) }, { description: "must be at most 2000 characters" }],
    ["createTaskSchema with a bad checkbox", createTaskSchema, { patientId: "pat-1", description: "Call", assignToSelf: "yes" }, { assignToSelf: 'must be "on" or left out' }],
    ["assignTaskSchema without version", assignTaskSchema, { taskId: "t-1", assigneeId: validUser }, { version: "is missing" }],
    ["assignTaskSchema with version 0", assignTaskSchema, { taskId: "t-1", version: "0", assigneeId: validUser }, { version: "must be the version number the form was loaded with" }],
    ["assignTaskSchema with a non-uuid assignee", assignTaskSchema, { taskId: "t-1", version: "1", assigneeId: "carol" }, { assigneeId: "must be the id of a care manager account" }],
    ["changeTaskStatusSchema with an unknown status", changeTaskStatusSchema, { taskId: "t-1", version: "2", status: "done" }, { status: "must be one of requested, accepted, in-progress, completed, cancelled" }],
    ["recordCallSchema with an unknown outcome", recordCallSchema, { patientId: "pat-1", outcome: "busy" }, { outcome: "must be one of reached, left-voicemail, no-answer, wrong-number, declined" }],
    ["recordCallSchema without outcome or patient", recordCallSchema, {}, { patientId: "is missing", outcome: "must be one of reached, left-voicemail, no-answer, wrong-number, declined" }],
    ["addNoteSchema without note", addNoteSchema, { patientId: "pat-1" }, { note: "is missing" }],
    ["rejectEvidenceSchema without reason", rejectEvidenceSchema, { taskId: "t-1", version: "1", reason: " " }, { reason: "must not be empty; write the reason the member will read" }],
  ])("rejects %s", (_name, schema, fields, errors) => {
    const parsed = parseForm(schema, form(fields));

    expect(parsed).toEqual({ ok: false, errors });
  });

  it("reads empty fields as not sent and trims text", () => {
    const parsed = parseForm(recordCallSchema, form({ patientId: "pat-1", outcome: "reached", taskId: "", note: "  Booked a mammogram  " }));

    expect(parsed).toEqual({ ok: true, values: { patientId: "pat-1", outcome: "reached", note: "Booked a mammogram" } });
  });

  it("keeps the first value of a field sent twice", () => {
    const data = form({ patientId: "pat-1", note: "first" });
    data.append("note", "second");

    expect(parseForm(addNoteSchema, data)).toEqual({ ok: true, values: { patientId: "pat-1", note: "first" } });
  });
});
