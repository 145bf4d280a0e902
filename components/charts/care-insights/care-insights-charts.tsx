import type { RiskDistribution } from "@/lib/analytics/aggregates/get-risk-distribution";
import type { GapCount } from "@/lib/analytics/aggregates/list-gap-counts";
import type { YearUtilization } from "@/lib/analytics/aggregates/list-utilization-per-thousand";

import { BarChartView, type BarSeries } from "../bar-chart-view";
import { ChartFrame, type ChartTable } from "../chart-frame";
import { insightsStrings as text } from "./strings";

/** The panel's aggregates, with each measure's title. */
export interface CareInsights {
  gaps: GapCount[];
  measureTitles: Map<string, string>;
  risk: RiskDistribution;
  utilization: YearUtilization[];
}

const gapSeries: BarSeries[] = [
  { key: "open", name: text.open, color: "var(--color-series-2)", stack: "gaps" },
  { key: "closed", name: text.closed, color: "var(--color-brand)", stack: "gaps" },
];
const riskSeries: BarSeries[] = [{ key: "members", name: text.membersColumn, color: "var(--color-brand)" }];
const utilizationSeries: BarSeries[] = [
  { key: "erVisits", name: text.erVisits, color: "var(--color-series-2)" },
  { key: "admissions", name: text.admissions, color: "var(--color-brand)" },
];

/** Renders the care gaps by measure, the risk score histogram and the ER and inpatient rates. */
export function CareInsightsCharts({ insights }: { insights: CareInsights }): React.ReactElement {
  return (
    <>
      <GapChart gaps={insights.gaps} measureTitles={insights.measureTitles} />
      <RiskChart risk={insights.risk} />
      <UtilizationChart utilization={insights.utilization} />
    </>
  );
}

function GapChart({ gaps, measureTitles }: { gaps: GapCount[]; measureTitles: Map<string, string> }): React.ReactElement {
  const table: ChartTable = {
    rowHeader: text.measure,
    columns: gapSeries.map(({ key, name }) => ({ key, name })),
    format: "count",
    rows: gaps.map((gap) => ({ label: text.periodLabel(measureTitles.get(gap.measureId) ?? gap.measureId, gap.periodStart), values: { open: gap.open, closed: gap.closed } })),
  };
  const open = gaps.reduce((sum, gap) => sum + gap.open, 0);
  const closed = gaps.reduce((sum, gap) => sum + gap.closed, 0);

  return (
    <ChartFrame id="gaps-by-measure" title={text.gapsTitle} description={text.gapsDescription} table={table} empty={gaps.length === 0 ? text.noGaps : null}>
      <BarChartView summary={text.gapsSummary(open, closed)} xAxisLabel={text.measure} yAxisLabel={text.count} format="count" data={table.rows} series={gapSeries} categoryAxis="y" />
    </ChartFrame>
  );
}

function RiskChart({ risk }: { risk: RiskDistribution }): React.ReactElement {
  const table: ChartTable = {
    rowHeader: text.score,
    columns: riskSeries.map(({ key, name }) => ({ key, name })),
    format: "count",
    rows: risk.bins.map((bin) => ({ label: text.scoreRange(bin.low, bin.high), values: { members: bin.members } })),
  };

  return (
    <ChartFrame id="risk-distribution" title={text.riskTitle} description={text.riskDescription} table={table} empty={null}>
      <BarChartView summary={text.riskSummary(risk.bands)} xAxisLabel={text.score} yAxisLabel={text.members} format="count" data={table.rows} series={riskSeries} />
    </ChartFrame>
  );
}

function UtilizationChart({ utilization }: { utilization: YearUtilization[] }): React.ReactElement {
  const table: ChartTable = {
    rowHeader: text.year,
    columns: utilizationSeries.map(({ key, name }) => ({ key, name })),
    format: "perThousand",
    rows: utilization.map((year) => ({ label: String(year.year), values: { erVisits: year.erVisitsPerThousand, admissions: year.admissionsPerThousand } })),
  };
  const none = utilization.every((year) => year.erVisits === 0 && year.admissions === 0);

  return (
    <ChartFrame id="utilization" title={text.utilizationTitle} description={text.utilizationDescription} table={table} empty={none ? text.noVisits : null}>
      <BarChartView summary={text.utilizationSummary(utilization.length)} xAxisLabel={text.year} yAxisLabel={text.perThousand} format="perThousand" data={table.rows} series={utilizationSeries} />
    </ChartFrame>
  );
}
