import type { SessionUser } from "../../auth/session-user";
import { FhirError } from "../../fhir/fhir-error";

/**
 * Throws FhirError "forbidden" unless the user is an administrator. Import runs list file paths
 * and rejected values, and failed messages hold member data, so only administrators read them.
 */
export function assertImportAdmin(user: SessionUser | null): asserts user is SessionUser & { role: "admin" } {
  if (user?.role !== "admin") {
    throw new FhirError("forbidden", "Only administrator accounts can read import runs and failed messages; sign in as an administrator.");
  }
}
