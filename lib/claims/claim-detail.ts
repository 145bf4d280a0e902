import type { CalendarDay } from "./calendar-day";
import type { ClaimType } from "./claim-summary";
import type { Billed } from "./compute-claim-amounts";
import type { ClaimTotal } from "./compute-claim-totals";
import type { MemberOwes } from "./compute-member-owes";
import type { Money } from "./money";
import type { AmountCategory } from "./read-category-amount";

/**
 * One row of the claim's totals. "owesUnknown" is a member liability total that the summary
 * cannot trust (it conflicts with the claim's other amounts), so the row says so instead of a figure.
 */
export type ClaimDetailTotal = ClaimTotal | { category: "memberLiability"; kind: "owesUnknown"; stated: Money | null };

/** One service line of a claim with its adjudication. */
export interface ClaimLine {
  sequence: number;
  /** servicedDate, else servicedPeriod.start, else null. */
  serviceDate: CalendarDay | null;
  /** The billing code (CPT, HCPCS, NDC, SNOMED CT and so on), or null when the line has none. */
  code: string | null;
  /** The code's display text, else productOrService.text. */
  description: string | null;
  /** quantity.value, or null when not stated. */
  quantity: number | null;
  /** Each category's amount on this line, null where the line does not state it or it cannot be read. */
  amounts: Record<AmountCategory, Money | null>;
}

/** One diagnosis on the claim. */
export interface ClaimDiagnosis {
  sequence: number;
  code: string | null;
  description: string | null;
  /** The diagnosis type includes "principal". */
  principal: boolean;
}

/** The parts of the member's share that the claim states, each null when not stated clearly. */
export interface MemberShareParts {
  deductible: Money | null;
  copay: Money | null;
  coinsurance: Money | null;
  noncovered: Money | null;
}

/** Everything the claim detail page shows about one ExplanationOfBenefit. */
export interface ClaimDetail {
  id: string;
  claimType: ClaimType;
  canceled: boolean;
  providerName: string | null;
  /** Where the care took place (EOB.facility), or null when the claim does not say. */
  facilityName: string | null;
  /** billablePeriod.start, else created. */
  serviceStart: CalendarDay | null;
  /** billablePeriod.end, or null when there is none or it equals the start's day. */
  serviceEnd: CalendarDay | null;
  /** EOB.created, the day the plan processed the claim. */
  processed: CalendarDay | null;
  outcome: "queued" | "complete" | "error" | "partial";
  /** The plan's message about the outcome (EOB.disposition). */
  disposition: string | null;
  billed: Billed;
  planPaid: Money | null;
  memberOwes: MemberOwes;
  /** payment.date, or null when not stated. */
  paymentDate: CalendarDay | null;
  lines: ClaimLine[];
  diagnoses: ClaimDiagnosis[];
  totals: ClaimDetailTotal[];
  shareParts: MemberShareParts;
}
