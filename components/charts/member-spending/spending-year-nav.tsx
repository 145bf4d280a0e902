import Link from "next/link";

import styles from "../charts.module.css";
import { spendingStrings as text } from "./strings";

/** Renders links to the current plan year and to each year the member has claims in, marking the one shown. */
export function SpendingYearNav({ claimYears, requestedYear }: { claimYears: number[]; requestedYear: number | undefined }): React.ReactElement | null {
  if (claimYears.length === 0) {
    return null;
  }

  return (
    <nav aria-label={text.yearNavLabel} className={styles.yearNav}>
      <span>{text.yearNavLabel}:</span>
      <ul>
        <li>
          <Link href="/member/spending" aria-current={requestedYear === undefined ? "page" : undefined}>
            {text.currentYearLink}
          </Link>
        </li>
        {claimYears.map((year) => (
          <li key={year}>
            <Link href={`/member/spending?year=${year}`} aria-current={requestedYear === year ? "page" : undefined}>
              {String(year)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
