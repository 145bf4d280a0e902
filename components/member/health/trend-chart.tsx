"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One measurement, ready to plot: x is the recorded calendar date as a UTC timestamp. */
export interface ChartPoint {
  x: number;
  /** The date as the member reads it, at its recorded precision. */
  label: string;
  values: Record<string, number>;
}

/** A line on the chart and the normal band shaded behind it. */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  band: { low: number; high: number } | null;
}

/** Everything the chart draws; plain data, built on the server. */
export interface TrendChartProps {
  /** Names the chart for assistive technology; the table below carries the numbers. */
  description: string;
  locale: string;
  unit: string;
  xAxisLabel: string;
  yAxisLabel: string;
  yDomain: [number, number];
  points: ChartPoint[];
  series: ChartSeries[];
}

const textColor = "var(--color-text)";
const gridColor = "var(--color-border)";

/**
 * Draws one measure over time with Recharts: a line per series, the normal range as a shaded
 * band, labelled axes and a tooltip with the value and unit. The chart is one image to assistive
 * technology; the table beside it lists the same numbers.
 */
export function TrendChart(props: TrendChartProps): React.ReactElement {
  const data = props.points.map((point) => ({ x: point.x, label: point.label, ...point.values }));
  const formatTick = new Intl.DateTimeFormat(props.locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const formatValue = new Intl.NumberFormat(props.locale, { maximumFractionDigits: 2 });
  const single = data.length === 1;

  return (
    <div role="img" aria-label={props.description}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 12 }} accessibilityLayer={false}>
          <CartesianGrid stroke={gridColor} strokeDasharray="3 3" />
          {props.series.map((series) =>
            series.band ? <ReferenceArea key={`band-${series.key}`} y1={series.band.low} y2={series.band.high} fill={series.color} fillOpacity={0.1} ifOverflow="hidden" /> : null,
          )}
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={single ? ["dataMin - 2592000000", "dataMax + 2592000000"] : ["dataMin", "dataMax"]}
            tickFormatter={(value: number) => formatTick.format(value)}
            tick={{ fill: textColor, fontSize: 12 }}
            minTickGap={24}
            label={{ value: props.xAxisLabel, position: "insideBottom", offset: -16, fill: textColor }}
          />
          <YAxis
            domain={props.yDomain}
            tick={{ fill: textColor, fontSize: 12 }}
            width={48}
            label={{ value: props.yAxisLabel, angle: -90, position: "insideLeft", offset: 0, fill: textColor, style: { textAnchor: "middle" } }}
          />
          <Tooltip
            labelFormatter={(_, payload) => String(payload[0]?.payload?.label ?? "")}
            formatter={(value, name) => [`${formatValue.format(Number(value))} ${props.unit}`, name]}
          />
          {props.series.map((series) => (
            <Line key={series.key} dataKey={series.key} name={series.name} stroke={series.color} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
