import type { QuantityView } from "@/lib/health-record/quantity-view";

/** Units written without a space after the number, as in "6.1%". */
const unspacedUnits = new Set(["%"]);

/** Formats a measured amount with its unit as recorded: "6.1%", "118 mg/dL", "<5 mg/L". */
export function formatQuantity(quantity: QuantityView, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(quantity.value);
  const value = `${quantity.comparator ?? ""}${number}`;
  if (!quantity.unit) {
    return value;
  }
  return unspacedUnits.has(quantity.unit) ? `${value}${quantity.unit}` : `${value} ${quantity.unit}`;
}
