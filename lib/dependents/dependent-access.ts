/**
 * Age, in whole years, from which a dependent's record is private to them: below it the
 * subscriber on their coverage may view it, from it on only with the dependent's grant.
 */
export const privateRecordAge = 13;

/**
 * Why a subscriber may or may not view a dependent's record: "under-13" and "granted" allow it,
 * "private" does not. A person not on the subscriber's coverage has no access value at all.
 */
export type DependentAccess = "under-13" | "granted" | "private";

/** One person on the subscriber's coverage other than the subscriber. */
export interface Dependent {
  patientId: string;
  /** The Patient's display name, or null when the resource has none. */
  name: string | null;
  access: DependentAccess;
}

/** Tells whether an access value lets the subscriber open the dependent's record. */
export function isViewable(access: DependentAccess): boolean {
  return access !== "private";
}
