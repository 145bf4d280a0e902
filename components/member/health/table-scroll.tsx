import styles from "./health.module.css";

/**
 * Wraps a table so that on a narrow screen it scrolls sideways inside its box instead of widening
 * the page. The box takes keyboard focus so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }): React.ReactElement {
  return (
    <div className={styles.tableScroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
