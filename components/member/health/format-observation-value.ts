import type { ObservationValueView } from "@/lib/health-record/observation-value-view";
import type { ReferenceRangeView } from "@/lib/health-record/to-lab-result-view";

import { formatQuantity } from "./format-quantity";
import { healthStrings } from "./strings";

/** Formats a result with its unit; a panel lists its parts ("Systolic: 128 mmHg, Diastolic: 82 mmHg"). */
export function formatObservationValue(value: ObservationValueView): string {
  const locale = healthStrings.locale;
  switch (value.kind) {
    case "quantity":
      return formatQuantity(value.quantity, locale);
    case "text":
      return value.text;
    case "components":
      return value.parts.map((part) => (part.name ? `${part.name}: ${formatQuantity(part.quantity, locale)}` : formatQuantity(part.quantity, locale))).join(", ");
    case "absent":
      return healthStrings.labs.noValue;
  }
}

/** Formats a reference range: the lab's text when given, else its bounds with units. */
export function formatReferenceRange(range: ReferenceRangeView | null): string {
  const strings = healthStrings.labs;
  if (!range) {
    return strings.noRange;
  }
  if (range.text) {
    return range.text;
  }

  const locale = healthStrings.locale;
  const low = range.low ? formatQuantity(range.low, locale) : null;
  const high = range.high ? formatQuantity(range.high, locale) : null;
  if (low && high) return strings.rangeBetween(low, high);
  if (high) return strings.rangeBelow(high);
  return low ? strings.rangeAbove(low) : strings.noRange;
}
