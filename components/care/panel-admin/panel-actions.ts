"use server";

import { randomUUID } from "node:crypto";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { isFormData } from "@/lib/auth/is-form-data";
import { requireRole } from "@/lib/auth/require-session";
import { parseForm } from "@/lib/care/outreach-schemas";
import { addPanelPatient } from "@/lib/care/panel/add-panel-patient";
import { panelChangeSchema } from "@/lib/care/panel/panel-change-schema";
import { removePanelPatient } from "@/lib/care/panel/remove-panel-patient";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";

import type { CareActionResult } from "../care-action-result";
import { errorKindOf } from "../error-kind-of";
import { staffStrings } from "@/components/staff/strings";

const staffPanelStrings = staffStrings.panels;

/** Adds a patient to a care manager's panel or removes one; admins only, checked on the server. */
export async function changePanelAction(_previous: CareActionResult | null, formData: FormData): Promise<CareActionResult> {
  if (!isSameOriginRequest(await headers())) {
    return { status: "not-allowed", message: staffPanelStrings.notAllowed };
  }
  const admin = await requireRole("admin");
  if (!isFormData(formData)) {
    return { status: "invalid", message: staffPanelStrings.invalid, errors: {} };
  }
  const parsed = parseForm(panelChangeSchema, formData);
  if (!parsed.ok) {
    return { status: "invalid", message: staffPanelStrings.invalid, errors: parsed.errors };
  }

  const { careManagerId, patientId, change } = parsed.values;
  try {
    const db = await getDatabase();
    await (change === "add" ? addPanelPatient(db, careManagerId, patientId) : removePanelPatient(db, careManagerId, patientId));
    logger.info({ userId: admin.id, careManagerId, change }, "care panel changed");
    revalidatePath("/admin/panels");
    return { status: "saved" };
  } catch (error) {
    if (isFhirError(error, "invalid")) return { status: "invalid", message: error.message, errors: {} };
    const reference = randomUUID().slice(0, 8);
    logger.error({ userId: admin.id, errorKind: errorKindOf(error), reference }, "care panel change failed");
    return { status: "failed", message: staffPanelStrings.failed(reference), reference };
  }
}
