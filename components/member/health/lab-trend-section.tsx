import type { CalendarDate } from "@/lib/claims/parse-fhir-date";
import type { LabTrendView } from "@/lib/health-record/to-lab-trends";

import { formatCalendarDate } from "../format-calendar-date";
import { EmptyState } from "./empty-state";
import { formatQuantity } from "./format-quantity";
import { HealthTable } from "./health-table";
import styles from "./health.module.css";
import { healthStrings } from "./strings";
import { TrendChart, type ChartPoint, type ChartSeries } from "./trend-chart";

const strings = healthStrings.trends;
const seriesColors = ["var(--color-brand)", "var(--color-series-2)"];

/** Renders one measure's trend: heading, chart, the range it shades and a table of the same numbers. */
export function LabTrendSection({ trend }: { trend: LabTrendView }): React.ReactElement {
  const title = strings.titles[trend.measure];
  const headingId = `trend-${trend.measure}`;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {trend.points.length === 0 ? (
        <EmptyState>{strings.empty}</EmptyState>
      ) : (
        <>
          <TrendChart {...toChartProps(trend, title)} />
          <p className="note">{rangeNote(trend)}</p>
          <TrendTable trend={trend} title={title} />
        </>
      )}
    </section>
  );
}

function TrendTable({ trend, title }: { trend: LabTrendView; title: string }): React.ReactElement {
  const locale = healthStrings.locale;
  const columns = [strings.dateColumn, ...trend.seriesKeys.map((key) => strings.seriesNames[key] ?? key)];

  return (
    <HealthTable caption={strings.tableCaption(title)} columns={columns}>
      {trend.points.map((point) => (
        <tr key={point.id}>
          <th scope="row" className={styles.nowrap}>
            {formatCalendarDate(point.date, locale)}
          </th>
          {trend.seriesKeys.map((key) => (
            <td key={key} data-label={strings.seriesNames[key]}>
              {formatQuantity({ value: point.values[key] ?? Number.NaN, unit: trend.unit, comparator: null }, locale)}
            </td>
          ))}
        </tr>
      ))}
    </HealthTable>
  );
}

function rangeNote(trend: LabTrendView): string {
  if (trend.rangeSource === "standard") {
    return strings.standardRanges[trend.measure];
  }
  if (trend.rangeText) {
    return strings.recordedRange(trend.rangeText);
  }
  const locale = healthStrings.locale;
  const parts = trend.seriesKeys.map((key) => {
    const range = trend.ranges[key];
    const low = range?.low ?? null;
    const high = range?.high ?? null;
    const text = formatBounds(low, high, trend.unit, locale);
    return trend.seriesKeys.length > 1 ? `${strings.seriesNames[key]} ${text}` : text;
  });
  return strings.recordedRange(parts.join(", "));
}

function formatBounds(low: number | null, high: number | null, unit: string, locale: string): string {
  const format = (value: number): string => formatQuantity({ value, unit, comparator: null }, locale);
  const labs = healthStrings.labs;
  if (low !== null && high !== null) return labs.rangeBetween(format(low), format(high));
  if (high !== null) return labs.rangeBelow(format(high));
  return low !== null ? labs.rangeAbove(format(low)) : labs.noRange;
}

function toChartProps(trend: LabTrendView, title: string): React.ComponentProps<typeof TrendChart> {
  const locale = healthStrings.locale;
  const points: ChartPoint[] = trend.points.map((point) => ({ x: toUtcDay(point.date), label: formatCalendarDate(point.date, locale), values: point.values }));
  const values = trend.points.flatMap((point) => Object.values(point.values));
  const bounds = trend.seriesKeys.flatMap((key) => [trend.ranges[key]?.low, trend.ranges[key]?.high]).filter((value): value is number => typeof value === "number");
  const yDomain = paddedDomain([...values, ...bounds]);

  const series: ChartSeries[] = trend.seriesKeys.map((key, index) => ({
    key,
    name: strings.seriesNames[key] ?? key,
    color: seriesColors[index % seriesColors.length] ?? "var(--color-brand)",
    band: toBand(trend.ranges[key], yDomain),
  }));
  const first = points[0]?.label ?? "";
  const last = points.at(-1)?.label ?? "";
  return {
    description: strings.chartLabel(title, points.length, first, last),
    locale,
    unit: trend.unit,
    xAxisLabel: strings.xAxis,
    yAxisLabel: strings.yAxis(trend.unit),
    yDomain,
    points,
    series,
  };
}

/** Converts a recorded date to its x position: the calendar day at UTC midnight, so no time zone moves it. */
function toUtcDay(date: CalendarDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1);
}

/** Computes a y range that contains every value and range bound, padded by a tenth and rounded outwards. */
function paddedDomain(numbers: number[]): [number, number] {
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const padding = Math.max((max - min) * 0.1, Math.abs(max) * 0.05, 1);
  return [Math.max(0, Math.floor(min - padding)), Math.ceil(max + padding)];
}

function toBand(range: { low: number | null; high: number | null } | undefined, domain: [number, number]): ChartSeries["band"] {
  if (!range || (range.low === null && range.high === null)) {
    return null;
  }
  return { low: range.low ?? domain[0], high: range.high ?? domain[1] };
}
