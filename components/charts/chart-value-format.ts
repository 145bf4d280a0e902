/** The number format of a chart's values: US dollars, plain counts, shares (0 to 1) or rates per 1,000. */
export type ChartValueFormat = "usd" | "count" | "percent" | "perThousand";

const locale = "en-US";
const formatters: Record<ChartValueFormat, Intl.NumberFormat> = {
  usd: new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }),
  count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
  percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }),
  perThousand: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
};
const axisFormatters: Record<ChartValueFormat, Intl.NumberFormat> = {
  usd: new Intl.NumberFormat(locale, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 }),
  count: formatters.count,
  percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }),
  perThousand: new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }),
};

/** Writes a value as tables and tooltips show it: "$1,234.50", "12", "42.5%" or "3.4". */
export function formatChartValue(format: ChartValueFormat, value: number | null): string {
  return value === null ? "—" : formatters[format].format(value);
}

/** Writes a value as an axis tick, shorter: "$1.2K" or "40%". */
export function formatAxisValue(format: ChartValueFormat, value: number): string {
  return axisFormatters[format].format(value);
}
