import type { ClaimType } from "./claim-summary";
import type { Billed } from "./compute-claim-amounts";
import type { MemberOwes } from "./compute-member-owes";
import type { CalendarDay } from "./calendar-day";
import type { Money } from "./money";

/** One claim of the claims list, plain JSON so the route handler can send it as it is. */
export interface ClaimListRow {
  /** The ExplanationOfBenefit id, for keys and the detail link. */
  id: string;
  /** billablePeriod.start, else created, else null when neither is a valid FHIR date. */
  serviceDate: CalendarDay | null;
  providerName: string | null;
  claimType: ClaimType;
  /** EOB.status is "cancelled": withdrawn or reversed, with memberOwes unknown. */
  canceled: boolean;
  billed: Billed;
  /** What the plan paid, or null when the EOB does not state it clearly. */
  planPaid: Money | null;
  memberOwes: MemberOwes;
}

/** One page of a member's claims, with the count of every claim the filters match. */
export interface ClaimListPage {
  rows: ClaimListRow[];
  /** Claims matching the filters on all pages. */
  total: number;
  /** 1-based page number, as requested even when past the last page. */
  page: number;
  pageSize: number;
}
