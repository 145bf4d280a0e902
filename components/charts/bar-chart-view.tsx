"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import styles from "./charts.module.css";
import { formatAxisValue, formatChartValue, type ChartValueFormat } from "./chart-value-format";

/** One series of bars. Series with the same `stack` are stacked on each other. */
export interface BarSeries {
  key: string;
  name: string;
  /** A CSS color, normally a custom property of app/globals.css so dark mode applies. */
  color: string;
  stack?: string;
}

/** Everything the chart draws; plain data built on the server. */
export interface BarChartViewProps {
  /** Names the chart for assistive technology, which reads the numbers from the table instead. */
  summary: string;
  xAxisLabel: string;
  /** The y axis label, with its unit, such as "Amount (USD)". */
  yAxisLabel: string;
  format: ChartValueFormat;
  data: { label: string; values: Record<string, number | null> }[];
  series: BarSeries[];
}

const textColor = "var(--color-text)";

/**
 * Draws bars per category on the x axis with Recharts: labelled axes, a legend, and a tooltip that
 * writes each value in the chart's format. The chart is one image to assistive technology.
 */
export function BarChartView(props: BarChartViewProps): React.ReactElement {
  const data = props.data.map((point) => ({ label: point.label, ...point.values }));

  return (
    <div className={styles.chart} role="img" aria-label={props.summary}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 36, left: 24 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="label"
            tick={{ fill: textColor, fontSize: 12 }}
            stroke="var(--color-muted)"
            minTickGap={8}
            label={{ value: props.xAxisLabel, position: "insideBottom", offset: -28, fill: textColor }}
          />
          <YAxis
            tickFormatter={(value: number) => formatAxisValue(props.format, value)}
            tick={{ fill: textColor, fontSize: 12 }}
            stroke="var(--color-muted)"
            width={64}
            label={{ value: props.yAxisLabel, angle: -90, position: "insideLeft", offset: -16, fill: textColor, style: { textAnchor: "middle" } }}
          />
          <Tooltip
            formatter={(value) => formatChartValue(props.format, typeof value === "number" ? value : null)}
            contentStyle={{ background: "var(--color-surface)", color: textColor, borderColor: "var(--color-border)" }}
            labelStyle={{ color: textColor }}
            cursor={{ fill: "var(--color-track)", fillOpacity: 0.5 }}
          />
          <Legend verticalAlign="top" formatter={(value: string) => <span className={styles.legendText}>{value}</span>} />
          {props.series.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={series.name} stackId={series.stack} fill={series.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
