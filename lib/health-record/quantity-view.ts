import type { Quantity } from "fhir/r4";

/** A measured amount with its unit as recorded. */
export interface QuantityView {
  value: number;
  /** The human-readable unit, else the UCUM code; null when the value has no unit. */
  unit: string | null;
  /** "<", "<=", ">=" or ">" when the result was only bounded, as in "<5". */
  comparator: Quantity["comparator"] | null;
}

/** Maps a FHIR Quantity to its view, or null when it has no numeric value. */
export function toQuantityView(quantity: Quantity | undefined): QuantityView | null {
  if (typeof quantity?.value !== "number" || !Number.isFinite(quantity.value)) {
    return null;
  }
  const unit = quantity.unit?.trim() || quantity.code?.trim() || null;
  return { value: quantity.value, unit, comparator: quantity.comparator ?? null };
}
