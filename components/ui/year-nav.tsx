import Link from "next/link";

import styles from "./year-nav.module.css";

/** Texts of a YearNav, from the calling feature's strings. */
export interface YearNavText {
  yearNavLabel: string;
  currentYearLink: string;
}

/**
 * Renders links to the current plan year (`path`) and to each year in `years` (`path?year=`),
 * marking the one requested.
 */
export function YearNav({ path, years, requestedYear, text }: { path: string; years: number[]; requestedYear: number | undefined; text: YearNavText }): React.ReactElement {
  return (
    <nav aria-label={text.yearNavLabel} className={styles.nav}>
      <span>{text.yearNavLabel}:</span>
      <ul>
        <li>
          <Link href={path} aria-current={requestedYear === undefined ? "page" : undefined}>
            {text.currentYearLink}
          </Link>
        </li>
        {years.map((year) => (
          <li key={year}>
            <Link href={`${path}?year=${year}`} aria-current={requestedYear === year ? "page" : undefined}>
              {String(year)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
