"use server";

import { randomUUID } from "node:crypto";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";

import { recordPortalAudit } from "@/lib/audit/record-portal-audit";
import { isFormData, isFormState } from "@/lib/auth/is-form-data";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { canActOnGaps } from "@/lib/care-gaps/can-act-on-gaps";
import type { GapActionOutcome } from "@/lib/care-gaps/gap-action-outcome";
import type { GapReportField } from "@/lib/care-gaps/parse-gap-report";
import { reportGapEvidence } from "@/lib/care-gaps/report-gap-evidence";
import { requestGapHelp } from "@/lib/care-gaps/request-gap-help";
import { requestGapRecompute } from "@/lib/care-gaps/request-gap-recompute";
import type { Database } from "@/lib/db/database";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";

import { initialGapActionState, type GapActionState, type GapActionStatus } from "./gap-action-state";

const fhirId = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/);

/** The ids every gap form sends: the gap, and the record the page showed when it was loaded. */
const gapFormSchema = z.object({ gapId: fhirId, patientId: fhirId });

/** The member and gap an action applies to, decided on the server from the session and the form's ids, or the status that rejects it. */
type GapActor = { kind: "allowed"; userId: string; patientId: string; requesterPatientId: string; gapId: string } | { kind: "refused"; status: GapActionStatus };

/**
 * Stores the member's report that a gap's service was done elsewhere, on the record the member
 * is viewing, decided again on the server. The form's gap id must name a gap of that record. Its
 * patient id only detects a record switch in another tab, and neither id is trusted otherwise.
 */
export async function reportGapDone(previous: GapActionState, formData: FormData): Promise<GapActionState> {
  if (!isFormData(formData) || !isFormState(previous)) return forgedCallState;
  const fields = toFields(formData);
  const reply = (status: GapActionStatus, extra: Partial<GapActionState> = {}): GapActionState => ({
    status, fields, errors: {}, submissions: previous.submissions + 1, ...extra,
  });

  const actor = await authorizeGapAction(formData);
  if (actor.kind === "refused") return reply(actor.status);

  const outcome = await runLogged(actor, "report", async (db) => {
    const result = await reportGapEvidence(db, { ...actor, form: fields, now: new Date() });
    if (result.kind === "reported") requestGapRecompute(db);
    return result;
  });
  if (outcome.kind === "failed") return reply("failed", { reference: outcome.reference });
  if (outcome.kind === "invalid") return reply("invalid", { errors: outcome.errors });
  if (outcome.kind === "reported") {
    revalidateGapPages();
    return reply("reported", { fields: initialGapActionState.fields });
  }
  return reply(outcome.kind);
}

/** Creates an outreach Task for a gap of the record the member is viewing, unless one is open. */
export async function askForGapHelp(previous: GapActionState, formData: FormData): Promise<GapActionState> {
  if (!isFormData(formData) || !isFormState(previous)) return forgedCallState;
  const reply = (status: GapActionStatus, extra: Partial<GapActionState> = {}): GapActionState => ({
    ...previous, status, errors: {}, submissions: previous.submissions + 1, ...extra,
  });

  const actor = await authorizeGapAction(formData);
  if (actor.kind === "refused") return reply(actor.status);

  const outcome = await runLogged(actor, "help", (db) => requestGapHelp(db, { ...actor, now: new Date() }));
  if (outcome.kind === "failed") return reply("failed", { reference: outcome.reference });
  if (outcome.kind === "help-requested") revalidateGapPages();
  return reply(outcome.kind);
}

/** The answer to a call whose arguments are not a form state and a FormData, which no form of the portal sends. */
const forgedCallState: GapActionState = { ...initialGapActionState, status: "invalid", submissions: 1 };

async function authorizeGapAction(formData: FormData): Promise<GapActor> {
  if (!isSameOriginRequest(await headers())) {
    return { kind: "refused", status: "not-allowed" };
  }
  const record = await requireMemberRecord();
  if (!record.patientId || !record.user.patientId || !canActOnGaps(record)) {
    return { kind: "refused", status: "not-allowed" };
  }
  const ids = gapFormSchema.safeParse({ gapId: formData.get("gapId"), patientId: formData.get("patientId") });
  if (!ids.success) {
    return { kind: "refused", status: "not-found" };
  }
  if (ids.data.patientId !== record.patientId) {
    return { kind: "refused", status: "record-changed" };
  }
  return { kind: "allowed", userId: record.user.id, patientId: record.patientId, requesterPatientId: record.user.patientId, gapId: ids.data.gapId };
}

/** Runs a gap action and logs its outcome and duration; an unexpected error becomes a reference the member can quote. */
async function runLogged(
  actor: Extract<GapActor, { kind: "allowed" }>,
  action: "report" | "help",
  work: (db: Database) => Promise<GapActionOutcome>,
): Promise<GapActionOutcome | { kind: "failed"; reference: string }> {
  const startedAt = performance.now();
  try {
    const outcome = await work(await getDatabase());
    logger.info({ userId: actor.userId, action, outcome: outcome.kind, durationMs: Math.round(performance.now() - startedAt) }, "care gap action finished");
    const changed = outcome.kind === "reported" || outcome.kind === "help-requested";
    await recordPortalAudit((await requireMemberRecord()).user, {
      event: action === "report" ? "member-gap-report" : "member-gap-help",
      action: "C",
      patientIds: [actor.patientId],
      resources: changed ? [`Task/${outcome.taskId}`] : undefined,
      outcome: changed ? "0" : "4",
    });
    return outcome;
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    // Only the error's kind is logged: messages from the store can name the patient or the measure.
    logger.error({ errorKind: errorKindOf(error), reference, userId: actor.userId, action }, "care gap action failed");
    return { kind: "failed", reference };
  }
}

function revalidateGapPages(): void {
  revalidatePath("/member/care-gaps");
  revalidatePath("/member");
}

function errorKindOf(error: unknown): string {
  if (isFhirError(error)) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

function toFields(formData: FormData): Record<GapReportField, string> {
  const text = (name: GapReportField): string => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { date: text("date"), place: text("place"), hba1c: text("hba1c"), systolic: text("systolic"), diastolic: text("diastolic") };
}
