import type { DependentAccess } from "../dependents/dependent-access";

/**
 * Tells whether the signed-in member may report on or ask for help with the gaps of the record
 * they are viewing: their own, or a dependent's under 13. A record a teen shared is for viewing
 * only, like their profile.
 */
export function canActOnGaps(record: { patientId: string | null; viewing: "self" | "dependent"; dependentAccess: Exclude<DependentAccess, "private"> | null }): boolean {
  if (record.patientId === null) return false;
  return record.viewing === "self" || record.dependentAccess === "under-13";
}
