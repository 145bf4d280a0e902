import Link from "next/link";

import styles from "./coverage.module.css";
import { coverageStrings } from "./strings";

/**
 * Renders links to the current plan year and to each year the member has claims in, marking the
 * one shown. Renders nothing when there is no other year to open.
 */
export function PlanYearNav({ claimYears, requestedYear, shownYear }: { claimYears: number[]; requestedYear: number | undefined; shownYear: number }): React.ReactElement | null {
  const text = coverageStrings.spending;
  if (claimYears.every((year) => year === shownYear) && requestedYear === undefined) {
    return null;
  }

  return (
    <nav aria-label={text.yearNavLabel} className={styles.yearNav}>
      <span>{text.yearNavLabel}:</span>
      <ul>
        <li>
          <Link href="/member/coverage" aria-current={requestedYear === undefined ? "page" : undefined}>
            {text.currentYearLink}
          </Link>
        </li>
        {claimYears.map((year) => (
          <li key={year}>
            <Link href={`/member/coverage?year=${year}`} aria-current={requestedYear === year ? "page" : undefined}>
              {String(year)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
