import type { Billed } from "./compute-claim-amounts";
import type { MemberOwes } from "./compute-member-owes";
import type { CalendarDate } from "./parse-fhir-date";

/** Kinds of claim shown to members; "other" covers a missing or unknown EOB.type. */
export type ClaimType = "professional" | "institutional" | "pharmacy" | "oral" | "vision" | "other";

/** One claim as the member's claims table shows it. */
export interface ClaimSummary {
  /** The ExplanationOfBenefit id, for keys and links. */
  id: string;
  /** billablePeriod.start, else created; null when neither is a valid FHIR date. */
  serviceDate: CalendarDate | null;
  /** The provider's name, or null when the EOB and the store give none. */
  providerName: string | null;
  claimType: ClaimType;
  /** EOB.status is "cancelled": the claim was withdrawn or reversed, and memberOwes is unknown. */
  canceled: boolean;
  /** The EOB's "submitted" total, when it is valid and agrees with the lines. */
  billed: Billed;
  memberOwes: MemberOwes;
}

/** Names of referenced resources by "Type/id", read from the store by the caller. */
export type ReferenceNames = ReadonlyMap<string, string>;
