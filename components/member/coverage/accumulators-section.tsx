import type { PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { formatCalendarDate } from "../format-calendar-date";
import { formatMoney } from "../format-money";
import { toAccumulatorRows } from "./accumulator-rows";
import { AccumulatorTable } from "./accumulator-table";
import styles from "./coverage.module.css";
import { formatPlanYear } from "./format-plan-year";
import { PlanYearNav } from "./plan-year-nav";
import { SpendingNotes } from "./spending-notes";
import { coverageStrings } from "./strings";

/**
 * Renders the coverage page's plan-year spending: a bar per limit showing how much of it is met,
 * the same numbers as a table, and the notes that qualify them. Without limits it states that
 * and still shows what was spent.
 */
export function AccumulatorsSection({
  spending,
  claimYears,
  requestedYear,
  viewedName = null,
}: {
  spending: PlanYearSpending;
  /** The dependent's name when a subscriber views a dependent's record, else null. */
  viewedName?: string | null;
  claimYears: number[];
  /** The year the member picked, or undefined for the current plan year. */
  requestedYear: number | undefined;
}): React.ReactElement {
  const text = coverageStrings.spending;
  const hasLimits = spending.limitsSource !== null;
  const { planYear } = spending;

  return (
    <section className="panel" aria-labelledby="spending-heading">
      <h2 id="spending-heading">{text.heading}</h2>
      <p>{formatPlanYear(planYear)}</p>
      <PlanYearNav claimYears={claimYears} requestedYear={requestedYear} shownYear={planYear.firstDay.year} />
      {!planYear.isCurrent && requestedYear === undefined && (
        <p>
          {text.pastPlanYear(formatCalendarDate(planYear.firstDay, coverageStrings.locale), formatCalendarDate(planYear.lastDay, coverageStrings.locale))}
        </p>
      )}
      {!hasLimits && (
        <div className={styles.notice}>
          <p className={styles.noticeTitle}>{text.noLimitsTitle}</p>
          <p>{text.noLimitsBody}</p>
        </div>
      )}
      {hasLimits && <ProgressBars spending={spending} viewedName={viewedName} />}
      <AccumulatorTable spending={spending} viewedName={viewedName} />
      <SpendingNotes spending={spending} />
      <div className="note">
        <p>{text.deductibleNote}</p>
        <p>{text.outOfPocketNote}</p>
      </div>
    </section>
  );
}

function ProgressBars({ spending, viewedName }: { spending: PlanYearSpending; viewedName: string | null }): React.ReactElement {
  const money = (amount: Parameters<typeof formatMoney>[0]): string => formatMoney(amount, coverageStrings.locale);
  const rows = toAccumulatorRows(spending, viewedName).filter((row) => row.accumulator.limit !== null);

  return (
    <ul className={styles.bars}>
      {rows.map(({ key, personLabel, limitName, accumulator }) => {
        const limit = accumulator.limit;
        const share = limit && limit.minorUnits > 0 ? Math.min(accumulator.spent.minorUnits / limit.minorUnits, 1) : 1;
        return (
          <li key={key} className={styles.bar}>
            <span className={styles.barLabel}>
              {personLabel}: {limitName}
            </span>
            <span className={styles.barValue}>{limit ? coverageStrings.spending.progress(money(accumulator.spent), money(limit)) : money(accumulator.spent)}</span>
            {/* The text above carries the numbers, so the bar is hidden from assistive technology. */}
            <span className={styles.track} aria-hidden="true">
              <span className={styles.fill} style={{ width: `${Math.round(share * 1000) / 10}%` }} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
