import styles from "./charts.module.css";
import { formatChartValue, type ChartValueFormat } from "./chart-value-format";
import { chartStrings } from "./strings";

/** The numbers of a chart as a table: one row per category on the x axis, one column per series. */
export interface ChartTable {
  /** The header of the first column, which names the rows. */
  rowHeader: string;
  columns: { key: string; name: string }[];
  rows: { label: string; values: Record<string, number | null> }[];
  format: ChartValueFormat;
}

/**
 * Frames one chart: a heading, a line that describes the chart, the chart itself, and the
 * same numbers as a table behind a disclosure, which screen readers reach like any other
 * content. With `empty` set, the message takes the place of the chart and the table.
 */
export function ChartFrame({
  id,
  title,
  description,
  table,
  empty,
  children,
}: {
  id: string;
  title: string;
  description: string;
  table: ChartTable;
  empty: string | null;
  children: React.ReactNode;
}): React.ReactElement {
  const headingId = `${id}-heading`;

  return (
    <section className={styles.frame} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className={styles.description}>{description}</p>
      {empty !== null ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <>
          {children}
          <details className={styles.tableToggle}>
            <summary>{chartStrings.showTable}</summary>
            <div className={styles.tableScroll}>
              <table className={styles.table}>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{table.rowHeader}</th>
                    {table.columns.map((column) => (
                      <th scope="col" key={column.key}>
                        {column.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row) => (
                    <tr key={row.label}>
                      <th scope="row">{row.label}</th>
                      {table.columns.map((column) => (
                        <td key={column.key}>{formatChartValue(table.format, row.values[column.key] ?? null)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
