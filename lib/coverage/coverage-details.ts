import type { Money } from "../claims/money";
import type { CalendarDate } from "../claims/parse-fhir-date";

/** A person on the member's plan, as the coverage page lists them. */
export interface PlanMember {
  /** The Patient's name, or null when the resource has none or cannot be read. */
  name: string | null;
  /** subscriber-relationship code (self, spouse, child, parent, common, other, injured); null when unstated. */
  relationship: string | null;
  isYou: boolean;
  isSubscriber: boolean;
}

/** One cost-sharing amount printed on the ID card, such as a primary care copay. */
export interface CardCost {
  /** coverage-copay-type code ("gpvisit", "copaypct"), or null for an entry given as text only. */
  code: string | null;
  /** The entry's own text, shown when the code has no member-facing wording. */
  text: string | null;
  amount: Money | null;
  /** A percentage, such as 20 for 20% coinsurance. */
  percent: number | null;
}

/** The member's Coverage as the coverage page and ID card show it. */
export interface CoverageDetails {
  planName: string | null;
  payerName: string | null;
  /** The employer or other group sponsoring the plan, and its number. */
  groupName: string | null;
  groupNumber: string | null;
  network: string | null;
  /** Coverage.status: active, cancelled, draft or entered-in-error. */
  status: string;
  periodStart: CalendarDate | null;
  periodEnd: CalendarDate | null;
  /** The member's own id on the plan: the "MB" identifier, else the subscriber id and dependent number. */
  memberId: string | null;
  subscriberId: string | null;
  /** The member's relationship to the subscriber (subscriber-relationship code). */
  relationship: string | null;
  /** Everyone on the plan this plan year, the subscriber first and the member included. */
  members: PlanMember[];
  /** Copays and coinsurance for the ID card, in the order the Coverage lists them. */
  cardCosts: CardCost[];
}
