"use server";

import { randomUUID } from "node:crypto";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { recordPortalAudit } from "@/lib/audit/record-portal-audit";
import { isFormData, isFormState } from "@/lib/auth/is-form-data";
import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";
import { parseProfileForm } from "@/lib/profile/parse-profile-form";
import { updateMemberProfile } from "@/lib/profile/update-member-profile";

import type { ProfileFormFields, ProfileFormState } from "./profile-form-state";

/**
 * Saves the profile form onto the Patient whose record the member is viewing, decided again on
 * the server. The form's hidden patient id is only compared with that record, never trusted: a
 * mismatch means the member switched records in another tab, and nothing is written.
 */
export async function saveProfile(previous: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  if (!isFormData(formData) || !isProfileFormState(previous)) {
    return { status: "invalid", fields: emptyFields, errors: {}, submissions: 1 };
  }
  const submissions = previous.submissions + 1;
  const fields = toFields(formData, previous.fields);
  const reply = (status: ProfileFormState["status"], extra: Partial<ProfileFormState> = {}): ProfileFormState => ({
    status, fields, errors: {}, submissions, ...extra,
  });

  if (!isSameOriginRequest(await headers())) {
    return reply("not-allowed");
  }
  const record = await requireMemberRecord();
  if (!record.patientId || record.dependentAccess === "granted") {
    return reply("not-allowed");
  }
  if (formData.get("patientId") !== record.patientId) {
    return reply("record-changed");
  }

  const parsed = parseProfileForm(formData);
  if (!parsed.ok) {
    return reply("invalid", { errors: parsed.errors });
  }

  const startedAt = performance.now();
  try {
    const result = await updateMemberProfile(new FhirStore(await getDatabase()), record.patientId, parsed.values);
    logger.info({ userId: record.user.id, outcome: result.kind, durationMs: Math.round(performance.now() - startedAt) }, "profile save finished");
    await recordPortalAudit(record.user, {
      event: "member-profile-update",
      action: "U",
      patientIds: [record.patientId],
      resources: [`Patient/${record.patientId}`],
      outcome: result.kind === "saved" ? "0" : "4",
    });
    if (result.kind !== "saved") {
      return reply(result.kind === "conflict" ? "conflict" : "not-allowed");
    }
    revalidatePath("/member/profile");
    return reply("saved", { fields: { ...parsed.values, version: result.version } });
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    // Only the error's kind is logged: messages from the store can name the Patient.
    logger.error({ errorKind: errorKindOf(error), reference, userId: record.user.id }, "profile save failed");
    return reply("failed", { reference });
  }
}

/** The fields of the answer to a forged call, which carries no form to echo. */
const emptyFields: ProfileFormFields = {
  version: "", phone: "", email: "", line1: "", line2: "", city: "", state: "", postalCode: "", language: "", contactMethod: "", paperless: false,
};

function isProfileFormState(value: unknown): value is ProfileFormState {
  return isFormState(value) && typeof (value as { fields?: unknown }).fields === "object" && (value as { fields?: unknown }).fields !== null;
}

function errorKindOf(error: unknown): string {
  if (isFhirError(error)) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

function toFields(formData: FormData, previous: ProfileFormFields): ProfileFormFields {
  const text = (name: keyof ProfileFormFields): string => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    version: previous.version,
    phone: text("phone"),
    email: text("email"),
    line1: text("line1"),
    line2: text("line2"),
    city: text("city"),
    state: text("state"),
    postalCode: text("postalCode"),
    language: text("language"),
    contactMethod: text("contactMethod"),
    paperless: formData.get("paperless") === "on",
  };
}
