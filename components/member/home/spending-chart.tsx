"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import styles from "./spending-chart.module.css";
import { homeStrings } from "./strings";

/** One bar: what was spent toward a limit and what is left, in major units (dollars). */
export interface SpendingBar {
  label: string;
  spent: number;
  remaining: number;
}

/**
 * Draws spending toward each limit as a horizontal stacked bar, spent then left to meet, so each
 * bar is as long as its limit. The chart is one image to assistive technology, named by
 * `summary`, because the table beside it carries the same numbers.
 */
export function SpendingChart({ bars, currency, locale, summary }: { bars: SpendingBar[]; currency: string; locale: string; summary: string }): React.ReactElement {
  const money = new Intl.NumberFormat(locale, { style: "currency", currency });
  const axisMoney = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  const formatValue = (value: unknown): string => (typeof value === "number" ? money.format(value) : String(value));

  return (
    <div className={styles.chart} role="img" aria-label={homeStrings.chartLabel(summary)}>
      <ResponsiveContainer width="100%" height={80 + bars.length * 48}>
        <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="var(--color-border)" />
          <XAxis
            type="number"
            tickFormatter={(value: number) => axisMoney.format(value)}
            stroke="var(--color-muted)"
            label={{ value: homeStrings.axisAmount(currency), position: "insideBottom", offset: -16, fill: "var(--color-text)" }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={120}
            stroke="var(--color-muted)"
            tick={{ fontSize: 12, fill: "var(--color-text)" }}
            label={{ value: homeStrings.axisLimit, angle: -90, position: "insideLeft", fill: "var(--color-text)" }}
          />
          <Tooltip formatter={formatValue} />
          {/* Legend text defaults to each series' fill, and the pale "left to meet" fill is too faint for text. */}
          <Legend verticalAlign="top" formatter={(value: string) => <span className={styles.legendText}>{value}</span>} />
          <Bar dataKey="spent" name={homeStrings.seriesSpent} stackId="limit" fill="var(--color-brand)" />
          <Bar dataKey="remaining" name={homeStrings.seriesRemaining} stackId="limit" fill="var(--color-track)" stroke="var(--color-track-border)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
