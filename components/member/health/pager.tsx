import Link from "next/link";

import styles from "./health.module.css";
import { healthStrings } from "./strings";

/**
 * Renders links to the previous and next page of a long list, with the position in words. Renders
 * nothing when the list fits on one page.
 */
export function Pager({ basePath, page, pageCount, total, section }: { basePath: string; page: number; pageCount: number; total: number; section: string }): React.ReactElement | null {
  if (pageCount <= 1) {
    return null;
  }
  const strings = healthStrings.pager;

  return (
    <nav aria-label={strings.label(section)} className={styles.pager}>
      {page > 1 && <Link href={`${basePath}?page=${page - 1}`}>{strings.previous}</Link>}
      <span>{strings.status(page, pageCount, total)}</span>
      {page < pageCount && <Link href={`${basePath}?page=${page + 1}`}>{strings.next}</Link>}
    </nav>
  );
}
