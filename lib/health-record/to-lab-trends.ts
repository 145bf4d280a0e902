import type { Observation, ObservationReferenceRange, Quantity } from "fhir/r4";

import type { CalendarDate } from "../claims/parse-fhir-date";
import { compareNewestFirst } from "./compare-newest-first";
import { observationDate } from "./to-lab-result-view";
import { trendMeasureOrder, trendMeasures, type RangeBounds, type TrendMeasure, type TrendMeasureDefinition } from "./trend-measures";

/** One measurement on a trend chart. */
export interface TrendPoint {
  id: string;
  date: CalendarDate;
  /** Values by series key: "value", or "systolic" and "diastolic" for blood pressure. */
  values: Record<string, number>;
}

/** One trend chart's data: its points oldest first and the normal range to shade. */
export interface LabTrendView {
  measure: TrendMeasure;
  unit: string;
  /** Series keys in drawing order. */
  seriesKeys: string[];
  points: TrendPoint[];
  /** Normal range per series key. */
  ranges: Record<string, RangeBounds>;
  /** "recorded" when the newest result carries a usable range, else "standard" adult ranges. */
  rangeSource: "recorded" | "standard";
  /**
   * The lab's own wording of a recorded range (one-series measures only), which the lab table
   * shows too; the chart's note repeats it so both say the same thing.
   */
  rangeText: string | null;
}

const loincSystem = "http://loinc.org";
const hiddenStatuses: ReadonlySet<Observation["status"]> = new Set(["cancelled", "entered-in-error"]);

/**
 * Builds the trend of every charted measure from a patient's Observations, in chart order. A
 * measure is always listed, with no points when the patient has no results for it. Results in
 * another unit than the chart's, or without a date, are left off the chart (the lab table still
 * lists them).
 */
export function toLabTrends(observations: Observation[]): LabTrendView[] {
  return trendMeasureOrder.map((measure) => toLabTrend(measure, observations));
}

function toLabTrend(measure: TrendMeasure, observations: Observation[]): LabTrendView {
  const definition = trendMeasures[measure];
  const matching = observations.filter((observation) => !hiddenStatuses.has(observation.status) && hasLoincCode(observation, definition.loincCodes));
  const dated = matching
    .map((observation) => ({ observation, point: toTrendPoint(observation, definition) }))
    .filter((entry): entry is { observation: Observation; point: TrendPoint } => entry.point !== null)
    .sort((left, right) => compareNewestFirst(right.point.date, left.point.date) || left.point.id.localeCompare(right.point.id));

  const newest = dated.at(-1)?.observation;
  const recorded = newest ? recordedRanges(newest, definition) : null;
  return {
    measure,
    unit: definition.unit,
    seriesKeys: definition.series.map((series) => series.key),
    points: dated.map((entry) => entry.point),
    ranges: recorded ?? Object.fromEntries(definition.series.map((series) => [series.key, series.standardRange])),
    rangeSource: recorded ? "recorded" : "standard",
    rangeText: recorded && newest && definition.series.length === 1 ? (newest.referenceRange?.[0]?.text?.trim() || null) : null,
  };
}

function hasLoincCode(observation: Observation, codes: readonly string[]): boolean {
  return (observation.code.coding ?? []).some((coding) => coding.system === loincSystem && coding.code !== undefined && codes.includes(coding.code));
}

function toTrendPoint(observation: Observation, definition: TrendMeasureDefinition): TrendPoint | null {
  const date = observationDate(observation);
  if (!date) {
    return null;
  }

  const values: Record<string, number> = {};
  for (const series of definition.series) {
    const quantity = series.componentCode ? componentOf(observation, series.componentCode)?.valueQuantity : observation.valueQuantity;
    const value = valueInUnit(quantity, definition.units);
    if (value === null) {
      return null;
    }
    values[series.key] = value;
  }
  return { id: observation.id ?? "", date, values };
}

function componentOf(observation: Observation, loincCode: string): NonNullable<Observation["component"]>[number] | undefined {
  return observation.component?.find((component) => component.code.coding?.some((coding) => coding.system === loincSystem && coding.code === loincCode));
}

/** Returns the value when the quantity is exact and in one of `units` (by UCUM code or unit text). */
function valueInUnit(quantity: Quantity | undefined, units: readonly string[]): number | null {
  if (typeof quantity?.value !== "number" || quantity.comparator) {
    return null;
  }
  const unit = quantity.code ?? quantity.unit;
  return unit !== undefined && units.includes(unit) ? quantity.value : null;
}

/** Reads each series' range from the Observation (or its component) when every series has one in the chart's unit. */
function recordedRanges(observation: Observation, definition: TrendMeasureDefinition): Record<string, RangeBounds> | null {
  const ranges: Record<string, RangeBounds> = {};
  for (const series of definition.series) {
    const source = series.componentCode ? componentOf(observation, series.componentCode) : observation;
    const bounds = toRangeBounds(source?.referenceRange?.[0], definition.units);
    if (!bounds) {
      return null;
    }
    ranges[series.key] = bounds;
  }
  return ranges;
}

function toRangeBounds(range: ObservationReferenceRange | undefined, units: readonly string[]): RangeBounds | null {
  const low = range?.low ? valueInUnit(range.low, units) : null;
  const high = range?.high ? valueInUnit(range.high, units) : null;
  return low === null && high === null ? null : { low, high };
}
