import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db/database";
import { FhirError } from "../../fhir/fhir-error";
import { assertImportAdmin } from "./assert-import-admin";
import type { FailedMessageView } from "./import-run-views";
import { listMessagePatientIds } from "./list-message-patient-ids";

/**
 * Returns a failed message with its raw text and the stored Patients it names, for an
 * administrator. The caller records the AuditEvent, because the raw text is member data. Throws
 * "forbidden" for anyone else and "not-found" when no message has that key (a retry that stored
 * it removes it).
 */
export async function getFailedMessage(db: Database, user: SessionUser | null, contentHash: string): Promise<{ message: FailedMessageView; patientIds: string[] }> {
  assertImportAdmin(user);
  if (!/^[0-9a-f]{64}$/.test(contentHash)) {
    throw new FhirError("not-found", `"${contentHash.slice(0, 80)}" is not a failed message key (64 hex digits); open the message from its import run.`);
  }

  const message = await db.prisma.failedMessage.findUnique({ where: { contentHash } });
  if (!message) throw new FhirError("not-found", "This failed message is no longer kept: a retry stored it, or it was removed. Open the latest import run.");
  return { message, patientIds: await listMessagePatientIds(db, message.format, message.message) };
}
