"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { isFormData } from "@/lib/auth/is-form-data";
import { readAuthSecret } from "@/lib/auth/read-auth-secret";
import { requireMember } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";
import { isViewable } from "@/lib/dependents/dependent-access";
import { getDependentAccess } from "@/lib/dependents/get-dependent-access";
import { signViewingCookie, viewingCookieName } from "@/lib/dependents/viewing-cookie";
import { FhirStore } from "@/lib/fhir/store/fhir-store";
import { logger } from "@/lib/log/logger";
import { isSameOriginRequest } from "@/lib/profile/is-same-origin-request";

/**
 * Switches the member's pages to a dependent's record and opens the member home. The dependent
 * id from the form is accepted only when the member may view that record now. The cookie then
 * carries it signed, and requireMemberRecord checks it again on every request.
 */
export async function viewDependentRecord(formData: FormData): Promise<void> {
  const user = await requireMember();
  const dependentId = isFormData(formData) ? formData.get("patientId") : null;
  if (!isSameOriginRequest(await headers()) || !user.patientId || typeof dependentId !== "string") {
    redirect("/member/dependents");
  }

  const db = await getDatabase();
  const access = await getDependentAccess(db, new FhirStore(db), user.patientId, dependentId, new Date());
  if (access === null || !isViewable(access)) {
    logger.warn({ userId: user.id, access: access ?? "not-on-coverage" }, "record switch rejected");
    redirect("/member/dependents");
  }

  (await cookies()).set(viewingCookieName, signViewingCookie(user.id, dependentId, readAuthSecret()), cookieOptions());
  logger.info({ userId: user.id, access }, "member switched to a dependent's record");
  redirect("/member");
}

/** Switches the member's pages back to their own record and opens the member home. */
export async function viewOwnRecord(): Promise<void> {
  await requireMember();
  if (isSameOriginRequest(await headers())) {
    (await cookies()).delete(viewingCookieName);
  }
  redirect("/member");
}

function cookieOptions(): { httpOnly: true; sameSite: "lax"; secure: boolean; path: string } {
  // A session cookie (no expiry): closing the browser returns the member to their own record.
  return { httpOnly: true, sameSite: "lax", secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"), path: "/" };
}
