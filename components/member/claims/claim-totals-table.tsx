import type { ClaimDetailTotal } from "@/lib/claims/claim-detail";

import { formatMoney } from "../format-money";
import styles from "./claim-detail.module.css";
import tableStyles from "./claims-table.module.css";
import { claimsStrings } from "./strings";

/**
 * Renders the claim's totals. A total that disagrees with its services shows both figures and no
 * sum, because either could be the wrong one. A member liability the summary calls unknown shows no figure either.
 */
export function ClaimTotalsTable({ totals }: { totals: ClaimDetailTotal[] }): React.ReactElement {
  if (totals.length === 0) {
    return <p>{claimsStrings.noTotals}</p>;
  }
  const columns = claimsStrings.totalColumns;

  return (
    <div className={tableStyles.tableScroll}>
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>{claimsStrings.totalsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.category}</th>
            <th scope="col" className={tableStyles.numeric}>
              {columns.total}
            </th>
            <th scope="col">{columns.note}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr key={total.category}>
              <th scope="row">{claimsStrings.amountLabels[total.category]}</th>
              <TotalCells total={total} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TotalCells({ total }: { total: ClaimDetailTotal }): React.ReactElement {
  const format = (amount: Parameters<typeof formatMoney>[0]): string => formatMoney(amount, claimsStrings.locale);
  switch (total.kind) {
    case "stated":
      return (
        <>
          <td className={tableStyles.numeric}>{format(total.amount)}</td>
          <td />
        </>
      );
    case "fromLines":
      return (
        <>
          <td className={tableStyles.numeric}>{format(total.amount)}</td>
          <td>{claimsStrings.totalFromLines}</td>
        </>
      );
    case "disagrees":
      return (
        <>
          <td className={tableStyles.numeric}>{claimsStrings.notAvailable}</td>
          <td className={styles.warning}>{claimsStrings.totalDisagrees(format(total.stated), format(total.linesSum))}</td>
        </>
      );
    case "owesUnknown":
      return (
        <>
          <td className={tableStyles.numeric}>{claimsStrings.notAvailable}</td>
          <td className={styles.warning}>{total.stated ? claimsStrings.totalOwesUnknown(format(total.stated)) : claimsStrings.owedUnknownBody}</td>
        </>
      );
    case "unknown":
      return (
        <>
          <td className={tableStyles.numeric}>{claimsStrings.notAvailable}</td>
          <td />
        </>
      );
  }
}
