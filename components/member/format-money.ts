import type { Money } from "@/lib/claims/money";
import { minorUnitDigits } from "@/lib/claims/money";

/**
 * Formats whole minor units in their currency, such as "$1,234.50" or "€12.50" in en-US. The
 * division happens once, here, so every sum before it stays exact.
 */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorUnitDigits(money.currency) ?? 2;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.minorUnits / 10 ** digits);
}
