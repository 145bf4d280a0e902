/** The measures the labs page charts over time. */
export type TrendMeasure = "hba1c" | "ldl" | "bloodPressure" | "bmi";

/** A normal range; a null bound is open on that side. */
export interface RangeBounds {
  low: number | null;
  high: number | null;
}

/** Definition of one charted measure: its LOINC codes, accepted units and standard ranges. */
export interface TrendMeasureDefinition {
  /** LOINC codes of the Observation. */
  loincCodes: readonly string[];
  /** UCUM codes and unit spellings accepted as the chart's unit; other units are left off the chart. */
  units: readonly string[];
  /** The unit shown on the axis. */
  unit: string;
  /**
   * Series of the chart: the Observation's own value, or the LOINC code of a component. Each
   * carries the standard adult range used when the Observation has no reference range.
   */
  series: readonly { key: string; componentCode: string | null; standardRange: RangeBounds }[];
}

/**
 * Standard adult ranges: HbA1c below 5.7% (the ADA counts 5.7% and above as prediabetes), LDL
 * below 100 mg/dL (NCEP ATP III "optimal"), blood pressure below 120/80 mmHg (ACC/AHA
 * "normal") and BMI 18.5 to 24.9 kg/m2 (CDC adult healthy weight). The page labels them as
 * standard ranges, not the lab's.
 */
export const trendMeasures: Record<TrendMeasure, TrendMeasureDefinition> = {
  hba1c: {
    loincCodes: ["4548-4"],
    units: ["%"],
    unit: "%",
    series: [{ key: "value", componentCode: null, standardRange: { low: null, high: 5.7 } }],
  },
  ldl: {
    loincCodes: ["18262-6", "13457-7", "2089-1"],
    units: ["mg/dL"],
    unit: "mg/dL",
    series: [{ key: "value", componentCode: null, standardRange: { low: null, high: 100 } }],
  },
  bloodPressure: {
    // Synthea 2.4 files the same panel under 55284-4 ("Blood pressure systolic and diastolic").
    loincCodes: ["85354-9", "55284-4"],
    units: ["mm[Hg]", "mmHg"],
    unit: "mmHg",
    series: [
      { key: "systolic", componentCode: "8480-6", standardRange: { low: null, high: 120 } },
      { key: "diastolic", componentCode: "8462-4", standardRange: { low: null, high: 80 } },
    ],
  },
  bmi: {
    loincCodes: ["39156-5"],
    units: ["kg/m2", "kg/m^2"],
    unit: "kg/m2",
    series: [{ key: "value", componentCode: null, standardRange: { low: 18.5, high: 24.9 } }],
  },
};

/** The order the labs page shows the charts in. */
export const trendMeasureOrder: readonly TrendMeasure[] = ["hba1c", "ldl", "bloodPressure", "bmi"];
