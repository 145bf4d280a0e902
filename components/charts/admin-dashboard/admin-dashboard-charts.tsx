import type { GapClosureRate } from "@/lib/analytics/aggregates/get-gap-closure-rates";
import type { PopulationTotals } from "@/lib/analytics/aggregates/get-population-totals";
import type { ClaimCategory, ClaimCostRow } from "@/lib/analytics/aggregates/list-claim-cost-by-month";

import { BarChartView, type BarSeries } from "../bar-chart-view";
import { ChartFrame, type ChartTable } from "../chart-frame";
import { formatChartValue } from "../chart-value-format";
import { FigureList } from "../figure-list";
import { formatMonthLabel } from "../month-label";
import { dashboardStrings as text } from "./strings";

/** The population's aggregates, with each measure's title and the months of the cost trend. */
export interface DashboardData {
  totals: PopulationTotals;
  months: string[];
  cost: ClaimCostRow[];
  closure: GapClosureRate[];
  measureTitles: Map<string, string>;
}

/** Series colors from app/globals.css, which switch with dark mode. */
const palette = ["var(--color-brand)", "var(--color-focus)", "var(--color-success)", "var(--color-muted)", "var(--color-series-2)", "var(--color-brand-dark)", "var(--color-error)", "var(--color-track-border)"];

/** Renders population totals, the claims cost trend by type of care and the gap closure rates. */
export function AdminDashboardCharts({ data }: { data: DashboardData }): React.ReactElement {
  return (
    <>
      <h2>{text.totalsHeading}</h2>
      <FigureList
        figures={[
          { term: text.members, value: formatChartValue("count", data.totals.members) },
          { term: text.coveredNow, value: formatChartValue("count", data.totals.coveredNow) },
          { term: text.claims, value: formatChartValue("count", data.totals.claims) },
          { term: text.planPaid, value: formatChartValue("usd", data.totals.planPaidCents / 100) },
          { term: text.memberPaid, value: formatChartValue("usd", data.totals.memberPaidCents / 100) },
        ]}
      />
      <CostChart months={data.months} cost={data.cost} />
      <ClosureChart closure={data.closure} measureTitles={data.measureTitles} />
    </>
  );
}

function CostChart({ months, cost }: { months: string[]; cost: ClaimCostRow[] }): React.ReactElement {
  const categories: ClaimCategory[] = [...new Set(cost.map((row) => row.category))].sort();
  const series: BarSeries[] = categories.map((category, index) => ({ key: category, name: text.categories[category], color: palette[index % palette.length] ?? "var(--color-brand)", stack: "cost" }));
  const table: ChartTable = {
    rowHeader: text.month,
    columns: series.map(({ key, name }) => ({ key, name })),
    format: "usd",
    rows: months.map((month) => ({
      label: formatMonthLabel(month),
      values: Object.fromEntries(categories.map((category) => [category, (cost.find((row) => row.month === month && row.category === category)?.planPaidCents ?? 0) / 100])),
    })),
  };
  const total = cost.reduce((sum, row) => sum + row.planPaidCents, 0) / 100;
  const description = text.costDescription(formatMonthLabel(months[0] ?? ""), formatMonthLabel(months[months.length - 1] ?? ""));

  return (
    <ChartFrame id="claims-cost" title={text.costTitle} description={description} table={table} empty={cost.length === 0 ? text.noClaims : null}>
      <BarChartView summary={text.costSummary(formatChartValue("usd", total))} xAxisLabel={text.month} yAxisLabel={text.amountAxis} format="usd" data={table.rows} series={series} />
    </ChartFrame>
  );
}

function ClosureChart({ closure, measureTitles }: { closure: GapClosureRate[]; measureTitles: Map<string, string> }): React.ReactElement {
  const series: BarSeries[] = [{ key: "rate", name: text.closureRate, color: "var(--color-brand)" }];
  const table: ChartTable = {
    rowHeader: text.measure,
    columns: [{ key: "rate", name: text.closureRate }],
    format: "percent",
    rows: closure.map((row) => ({ label: text.periodLabel(measureTitles.get(row.measureId) ?? row.measureId, row.periodStart), values: { rate: row.rate } })),
  };

  return (
    <ChartFrame id="gap-closure" title={text.gapsTitle} description={text.gapsDescription} table={table} empty={closure.length === 0 ? text.noGaps : null}>
      <BarChartView summary={text.gapsSummary(closure.length)} xAxisLabel={text.measure} yAxisLabel={text.closureAxis} format="percent" data={table.rows} series={series} categoryAxis="y" />
    </ChartFrame>
  );
}
