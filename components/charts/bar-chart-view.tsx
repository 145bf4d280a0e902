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
  /**
   * The axis of the categories: "x" gives upright bars, "y" lying bars whose long names (such as
   * measure titles) fit beside them. The value axis is the other one and carries `yAxisLabel`.
   */
  categoryAxis?: "x" | "y";
}

const textColor = "var(--color-text)";

/**
 * Draws bars per category with Recharts: labelled axes, a legend, and a tooltip that writes each
 * value in the chart's format. The chart is one image to assistive technology.
 */
export function BarChartView(props: BarChartViewProps): React.ReactElement {
  const data = props.data.map((point) => ({ label: point.label, ...point.values }));
  const lying = props.categoryAxis === "y";
  const valueTicks = { tickFormatter: (value: number) => formatAxisValue(props.format, value), tick: { fill: textColor, fontSize: 12 }, stroke: "var(--color-muted)" };
  const categoryTicks = { dataKey: "label", tick: { fill: textColor, fontSize: 12 }, stroke: "var(--color-muted)" };

  return (
    <div className={styles.chart} role="img" aria-label={props.summary}>
      <ResponsiveContainer width="100%" height={lying ? 96 + data.length * 40 : 300}>
        <BarChart data={data} layout={lying ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 36, left: 24 }} accessibilityLayer={false}>
          <CartesianGrid vertical={lying} horizontal={!lying} stroke="var(--color-border)" />
          {lying ? (
            <>
              <XAxis type="number" {...valueTicks} label={{ value: props.yAxisLabel, position: "insideBottom", offset: -28, fill: textColor }} />
              <YAxis type="category" {...categoryTicks} width={220} label={{ value: props.xAxisLabel, angle: -90, position: "insideLeft", offset: -16, fill: textColor, style: { textAnchor: "middle" } }} />
            </>
          ) : (
            <>
              <XAxis {...categoryTicks} minTickGap={8} label={{ value: props.xAxisLabel, position: "insideBottom", offset: -28, fill: textColor }} />
              <YAxis {...valueTicks} width={64} label={{ value: props.yAxisLabel, angle: -90, position: "insideLeft", offset: -16, fill: textColor, style: { textAnchor: "middle" } }} />
            </>
          )}
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
