import type { LineAmounts } from "./benefit-accumulator";
import { createBenefitAccumulator } from "./benefit-accumulator";
import type { ClaimDraft } from "./claim-draft";
import { yearOfDay } from "./demo-calendar";
import type { PlanBenefits } from "./plan-benefits";

/** A claim with the adjudicated amounts of each line, in the order of `draft.lines`. */
export interface AdjudicatedClaim {
  draft: ClaimDraft;
  /** Plan year of the first service day; it selects the Coverage and the accumulator year. */
  planYear: number;
  lines: LineAmounts[];
}

/**
 * Adjudicates all claims of one family in the order the plan processes them (processing day and
 * minute, then service day and id, for a stable result), so the deductible goes to whichever claim
 * is adjudicated first, as a payer applies it, and not to the one with the earlier service.
 */
export function adjudicateFamilyClaims(drafts: readonly ClaimDraft[], plan: PlanBenefits): AdjudicatedClaim[] {
  const accumulator = createBenefitAccumulator(plan);
  const ordered = [...drafts].sort(
    (a, b) => a.processedDay - b.processedDay || a.processedMinute - b.processedMinute || a.startDay - b.startDay || compareText(a.id, b.id),
  );

  return ordered.map((draft) => {
    const planYear = yearOfDay(draft.startDay);
    const lines = draft.lines.map((line) => accumulator.adjudicate(draft.member.patientId, planYear, line));
    return { draft, planYear, lines };
  });
}

/** Compares by UTF-16 code units, which unlike localeCompare does not depend on the runtime's locale data. */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
