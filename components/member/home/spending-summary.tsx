import Link from "next/link";

import { AccumulatorTable } from "@/components/member/coverage/accumulator-table";
import { toAccumulatorRows } from "@/components/member/coverage/accumulator-rows";
import { formatPlanYear } from "@/components/member/coverage/format-plan-year";
import { SpendingNotes } from "@/components/member/coverage/spending-notes";
import { minorUnitDigits, type Money } from "@/lib/claims/money";
import type { PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { formatMoney } from "../format-money";
import { SpendingChart, type SpendingBar } from "./spending-chart";
import { homeStrings } from "./strings";

/**
 * Renders this plan year's spending against the deductible and out-of-pocket maximum: a chart of
 * the limits the data states, the table of the same numbers, and an empty state when there is
 * neither a claim nor a limit.
 */
export function SpendingSummary({ spending, viewedName = null }: { spending: PlanYearSpending; viewedName?: string | null }): React.ReactElement {
  const rows = toAccumulatorRows(spending, viewedName);
  const charted = rows.filter((row) => row.accumulator.limit !== null);
  const isEmpty = spending.claimCount === 0 && spending.limitsSource === null;

  return (
    <section className="panel" aria-labelledby="spending-summary-heading">
      <h2 id="spending-summary-heading">{homeStrings.spendingHeading}</h2>
      <p>{formatPlanYear(spending.planYear)}</p>
      {isEmpty ? (
        <div className="empty-state">
          <p className="empty-state-title">{homeStrings.noSpendingTitle}</p>
          <p>{homeStrings.noSpendingBody}</p>
        </div>
      ) : (
        <>
          {charted.length > 0 && (
            <SpendingChart
              bars={charted.map((row) => toBar(row.shortLabel, row.accumulator.spent, row.accumulator.remaining))}
              currency={spending.individual.deductible.spent.currency}
              locale={homeStrings.locale}
              summary={charted
                .map((row) =>
                  homeStrings.chartSummary(row.personLabel, row.limitName, formatMoney(row.accumulator.spent, homeStrings.locale), formatMoney(row.accumulator.limit ?? row.accumulator.spent, homeStrings.locale)),
                )
                .join(" ")}
            />
          )}
          <AccumulatorTable spending={spending} viewedName={viewedName} />
          <SpendingNotes spending={spending} />
        </>
      )}
      <p>
        <Link href="/member/coverage">{homeStrings.coverageLink}</Link>
      </p>
    </section>
  );
}

function toBar(label: string, spent: Money, remaining: Money | null): SpendingBar {
  const scale = 10 ** (minorUnitDigits(spent.currency) ?? 2);
  return { label, spent: spent.minorUnits / scale, remaining: (remaining?.minorUnits ?? 0) / scale };
}
