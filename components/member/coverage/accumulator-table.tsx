import type { PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { formatMoney } from "../format-money";
import { toAccumulatorRows } from "./accumulator-rows";
import { coverageStrings } from "./strings";

/**
 * Renders the plan year's deductible and out-of-pocket spending as a table: what was spent, the
 * limit and what is left, for the member and, when others share the plan, the family. It takes
 * the claims table's look, which stacks each row into labeled lines on narrow screens.
 */
export function AccumulatorTable({ spending, viewedName = null }: { spending: PlanYearSpending; viewedName?: string | null }): React.ReactElement {
  const text = coverageStrings.spending;
  const money = (amount: Parameters<typeof formatMoney>[0] | null): string =>
    amount ? formatMoney(amount, coverageStrings.locale) : coverageStrings.notAvailable;

  return (
    <div className="table-scroll">
      <table className="claims-table">
        <caption>{text.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.heading}</th>
            <th scope="col" className="numeric">
              {text.spent}
            </th>
            <th scope="col" className="numeric">
              {text.limit}
            </th>
            <th scope="col" className="numeric">
              {text.remaining}
            </th>
          </tr>
        </thead>
        <tbody>
          {toAccumulatorRows(spending, viewedName).map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.personLabel}: {row.limitName}
              </th>
              <td className="numeric" data-label={text.spent}>
                {money(row.accumulator.spent)}
              </td>
              <td className="numeric" data-label={text.limit}>
                {money(row.accumulator.limit)}
              </td>
              <td className="numeric" data-label={text.remaining}>
                {row.accumulator.remaining?.minorUnits === 0 ? text.met : money(row.accumulator.remaining)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
