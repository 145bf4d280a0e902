import "server-only";

import { randomUUID } from "node:crypto";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { Communication, Task } from "fhir/r4";
import type { z } from "zod";

import { recordCareAudit } from "./record-care-audit";
import { isFormData } from "@/lib/auth/is-form-data";
import { requireRole } from "@/lib/auth/require-session";
import type { CareActor } from "@/lib/care/care-actor";
import { parseForm } from "@/lib/care/outreach-schemas";
import type { Database } from "@/lib/db/database";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";

import type { CareActionResult } from "./care-action-result";
import { errorKindOf } from "./error-kind-of";
import { careStrings } from "./strings";

/**
 * Runs one care manager write from a submitted form: checks the origin and the role on the
 * server, validates the form with `schema`, runs `write`, records an AuditEvent and refreshes the
 * care pages. Errors become a plain result for the form, and so does a forged call whose
 * `formData` is not FormData. Only the messages of invalid requests, which the care
 * lib writes for the care manager and which name no member data, reach the browser.
 */
export async function runCareAction<T>(
  audit: { event: string; action: "C" | "U" },
  schema: z.ZodType<T>,
  formData: unknown,
  write: (db: Database, actor: CareActor, values: T) => Promise<Task | Communication>,
): Promise<CareActionResult> {
  if (!isSameOriginRequest(await headers())) {
    return { status: "not-allowed", message: careStrings.errors.notAllowed };
  }
  const user = await requireRole("care_manager");
  if (!isFormData(formData)) {
    return { status: "invalid", message: careStrings.errors.invalid, errors: {} };
  }
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) {
    return { status: "invalid", message: careStrings.errors.invalid, errors: parsed.errors };
  }

  const startedAt = performance.now();
  let written: Task | Communication;
  try {
    written = await write(await getDatabase(), { id: user.id, name: user.name }, parsed.values);
  } catch (error) {
    const failure = toFailure(audit.event, user.id, error);
    if (failure.status !== "failed") {
      // A rejected write is recorded against the patient the form named, which may be off the panel.
      const named = formData.get("patientId");
      await recordCareAudit(user, { ...audit, patientIds: typeof named === "string" && fhirId.test(named) ? [named] : [], outcome: "4" });
    }
    return failure;
  }

  logger.info({ action: audit.event, userId: user.id, durationMs: Math.round(performance.now() - startedAt) }, "care action finished");
  await recordCareAudit(user, { ...audit, patientIds: patientIdsOf(written), resources: [`${written.resourceType}/${written.id ?? ""}`] });
  revalidatePath("/care", "layout");
  return { status: "saved" };
}

const fhirId = /^[A-Za-z0-9.-]{1,64}$/;

function patientIdsOf(resource: Task | Communication): string[] {
  const reference = resource.resourceType === "Task" ? resource.for?.reference : resource.subject?.reference;
  const patientId = /^Patient\/([A-Za-z0-9.-]{1,64})$/.exec(reference ?? "")?.[1];
  return patientId ? [patientId] : [];
}

function toFailure(name: string, userId: string, error: unknown): CareActionResult {
  if (isFhirError(error, "conflict")) return { status: "conflict", message: careStrings.errors.conflict };
  if (isFhirError(error, "not-found")) return { status: "not-found", message: careStrings.errors.notFound };
  if (isFhirError(error, "invalid")) return { status: "invalid", message: error.message, errors: {} };

  const reference = randomUUID().slice(0, 8);
  // Only the error's kind is logged: messages from the store can name the patient.
  logger.error({ action: name, errorKind: errorKindOf(error), reference, userId }, "care action failed");
  return { status: "failed", message: careStrings.errors.failed(reference), reference };
}
