import type { Patient } from "fhir/r4";

import type { Database } from "../db/database";
import { ageInYears } from "./age-in-years";
import { privateRecordAge, type DependentAccess } from "./dependent-access";
import { hasActiveGrant } from "./has-active-grant";

/**
 * Decides whether the subscriber may view a dependent already known to be on their coverage:
 * under 13 today yes, otherwise only with the dependent's grant in force. A dependent without a
 * usable birth date counts as 13 or older.
 */
export async function toDependentAccess(db: Database, dependent: Patient, subscriberId: string, today: Date): Promise<DependentAccess> {
  const age = ageInYears(dependent.birthDate, today);
  if (age !== null && age < privateRecordAge) {
    return "under-13";
  }

  const granted = dependent.id !== undefined && (await hasActiveGrant(db, dependent.id, subscriberId));
  return granted ? "granted" : "private";
}
