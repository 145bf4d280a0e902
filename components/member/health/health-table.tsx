import styles from "./health.module.css";
import { TableScroll } from "./table-scroll";

/**
 * Renders a health record table with its caption and column headers; `children` are the body
 * rows. Each row starts with a row header, and every other cell carries a `data-label` that
 * names its column when the table is stacked into cards on a narrow screen.
 */
export function HealthTable({ caption, captionHidden = false, columns, children }: { caption: string; captionHidden?: boolean; columns: readonly string[]; children: React.ReactNode }): React.ReactElement {
  return (
    <TableScroll label={caption}>
      <table className={styles.table}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
