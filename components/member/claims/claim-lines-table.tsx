import type { ClaimLine } from "@/lib/claims/claim-detail";
import { amountCategories } from "@/lib/claims/read-category-amount";

import { formatCalendarDate } from "../format-calendar-date";
import { moneyOrNotAvailable } from "./claims-list-table";
import styles from "./claim-detail.module.css";
import tableStyles from "./claims-table.module.css";
import { claimsStrings } from "./strings";

/**
 * Renders the claim's service lines with one column per kind of amount that some line states,
 * so a claim without line amounts does not show a grid of empty cells.
 */
export function ClaimLinesTable({ lines }: { lines: ClaimLine[] }): React.ReactElement {
  if (lines.length === 0) {
    return <p>{claimsStrings.noLines}</p>;
  }
  const categories = amountCategories.filter((category) => lines.some((line) => line.amounts[category] !== null));
  const columns = claimsStrings.lineColumns;

  return (
    <>
      {categories.length === 0 && <p>{claimsStrings.noLineAmounts}</p>}
      <div className={tableStyles.tableScroll}>
        <table className={tableStyles.table}>
          <caption className={tableStyles.caption}>{claimsStrings.linesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.sequence}</th>
              <th scope="col">{columns.serviceDate}</th>
              <th scope="col">{columns.service}</th>
              <th scope="col" className={tableStyles.numeric}>
                {columns.quantity}
              </th>
              {categories.map((category) => (
                <th key={category} scope="col" className={tableStyles.numeric}>
                  {claimsStrings.amountLabels[category]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.sequence}>
                <td>{line.sequence}</td>
                <td className={styles.nowrap}>{line.serviceDate ? formatCalendarDate(line.serviceDate, claimsStrings.locale) : "—"}</td>
                <th scope="row" className={styles.lineService}>
                  {line.description ?? claimsStrings.serviceWithoutCode}
                  {line.code && <span className={styles.code}> {line.code}</span>}
                </th>
                <td className={tableStyles.numeric}>{line.quantity ?? "—"}</td>
                {categories.map((category) => (
                  <td key={category} className={tableStyles.numeric}>
                    {line.amounts[category] ? moneyOrNotAvailable(line.amounts[category]) : "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
