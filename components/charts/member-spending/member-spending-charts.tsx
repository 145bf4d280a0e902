import type { MemberSpending } from "@/lib/analytics/aggregates/get-member-spending";

import { BarChartView, type BarSeries } from "../bar-chart-view";
import { ChartFrame, type ChartTable } from "../chart-frame";
import { formatChartValue } from "../chart-value-format";
import { FigureList } from "../figure-list";
import { formatMonthLabel } from "../month-label";
import { spendingStrings as text } from "./strings";

const sideBySide: BarSeries[] = [
  { key: "planPaid", name: text.planPaid, color: "var(--color-brand)" },
  { key: "memberPaid", name: text.memberPaid, color: "var(--color-series-2)" },
];
const stacked: BarSeries[] = sideBySide.map((series) => ({ ...series, stack: "paid" }));
const columns = sideBySide.map(({ key, name }) => ({ key, name }));

/** Renders the plan year's totals, the spending by month and the spending by type of care. */
export function MemberSpendingCharts({ spending }: { spending: MemberSpending }): React.ReactElement {
  const empty = spending.totals.claims === 0 ? text.noClaims : null;
  const byMonth: ChartTable = {
    rowHeader: text.month,
    columns,
    format: "usd",
    rows: spending.months.map((month) => ({ label: formatMonthLabel(month.month), values: { planPaid: month.planPaidCents / 100, memberPaid: month.memberPaidCents / 100 } })),
  };
  const byCategory: ChartTable = {
    rowHeader: text.category,
    columns,
    format: "usd",
    rows: spending.categories.map((category) => ({
      label: text.categories[category.category],
      values: { planPaid: category.planPaidCents / 100, memberPaid: category.memberPaidCents / 100 },
    })),
  };
  const planPaid = formatChartValue("usd", spending.totals.planPaidCents / 100);
  const memberPaid = formatChartValue("usd", spending.totals.memberPaidCents / 100);

  return (
    <>
      <h2>{text.totalsHeading}</h2>
      <FigureList
        figures={[
          { term: text.totalPlanPaid, value: planPaid },
          { term: text.totalMemberPaid, value: memberPaid },
          { term: text.totalClaims, value: formatChartValue("count", spending.totals.claims) },
        ]}
      />
      <p>{text.shareNote}</p>
      <ChartFrame id="spending-by-month" title={text.byMonthTitle} description={text.byMonthDescription} table={byMonth} empty={empty}>
        <BarChartView summary={text.byMonthSummary(planPaid, memberPaid)} xAxisLabel={text.month} yAxisLabel={text.amountAxis} format="usd" data={byMonth.rows} series={stacked} />
      </ChartFrame>
      <ChartFrame id="spending-by-category" title={text.byCategoryTitle} description={text.byCategoryDescription} table={byCategory} empty={empty}>
        <BarChartView
          summary={text.byCategorySummary(byCategory.rows.length)}
          xAxisLabel={text.category}
          yAxisLabel={text.amountAxis}
          format="usd"
          data={byCategory.rows}
          series={sideBySide}
        />
      </ChartFrame>
    </>
  );
}
