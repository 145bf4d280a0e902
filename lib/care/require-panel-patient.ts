import "server-only";

import { notFound } from "next/navigation";

import { requireRole } from "../auth/require-session";
import type { SessionUser } from "../auth/session-user";
import { getDatabase } from "../db/get-database";
import { isFhirError } from "../fhir/fhir-error";
import { assertOnPanel } from "./assert-on-panel";

/** Patient ids as FHIR allows them; anything else cannot be on a panel. */
const fhirId = /^[A-Za-z0-9.-]{1,64}$/;

/**
 * Returns the signed-in care manager when `patientId` is on their panel. Any other patient,
 * including a malformed id, gets Next's 404 page rather than a 403, so nothing leaks about who
 * exists outside the panel. Other roles go to the forbidden page.
 */
export async function requirePanelPatient(patientId: string): Promise<SessionUser> {
  const user = await requireRole("care_manager");
  if (!fhirId.test(patientId)) {
    notFound();
  }
  try {
    await assertOnPanel(await getDatabase(), user.id, patientId);
  } catch (error) {
    if (isFhirError(error, "not-found")) notFound();
    throw error;
  }
  return user;
}
