import type { Observation } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { toLabTrends } from "./to-lab-trends";

function hba1c(id: string, effective: string, value: number, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
    code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
    subject: { reference: "Patient/p" },
    effectiveDateTime: effective,
    valueQuantity: { value, unit: "%", system: "http://unitsofmeasure.org", code: "%" },
    ...extra,
  } satisfies Observation;
}

function hba1cTrend(observations: Observation[]): ReturnType<typeof toLabTrends>[number] | undefined {
  return toLabTrends(observations).find((trend) => trend.measure === "hba1c");
}

describe("toLabTrends", () => {
  it("orders points oldest first", () => {
    const trend = hba1cTrend([hba1c("c", "2024-06-01", 6.8), hba1c("a", "2019", 7.1), hba1c("b", "2019-03", 6.9)]);

    expect(trend?.points.map((point) => [point.id, point.date.precision])).toEqual([
      ["a", "year"],
      ["b", "month"],
      ["c", "day"],
    ]);
  });

  it("uses the newest result's recorded range", () => {
    const range = { low: { value: 4, unit: "%", code: "%" }, high: { value: 5.6, unit: "%", code: "%" } };
    const trend = hba1cTrend([hba1c("old", "2023-01-01", 6), hba1c("new", "2024-01-01", 6.2, { referenceRange: [range] })]);

    expect(trend?.rangeSource).toBe("recorded");
    expect(trend?.ranges).toEqual({ value: { low: 4, high: 5.6 } });
    expect(trend?.rangeText).toBeNull();
  });

  it("keeps the lab's wording of the range for the chart's note", () => {
    const range = { high: { value: 5.6, unit: "%", code: "%" }, text: "5.6% or below" };
    const trend = hba1cTrend([hba1c("only", "2024-01-01", 6.2, { referenceRange: [range] })]);

    expect(trend?.rangeText).toBe("5.6% or below");
  });

  it("falls back to the standard range", () => {
    const range = { text: "see report" };
    const trend = hba1cTrend([hba1c("only", "2024-01-01", 6.2, { referenceRange: [range] })]);

    expect(trend?.rangeSource).toBe("standard");
    expect(trend?.ranges).toEqual({ value: { low: null, high: 5.7 } });
    expect(trend?.rangeText).toBeNull();
  });

  it("leaves off other units, bounds and hidden results", () => {
    const trend = hba1cTrend([
      hba1c("kept", "2024-01-01", 6.2),
      hba1c("mmol", "2024-02-01", 44, { valueQuantity: { value: 44, unit: "mmol/mol", code: "mmol/mol" } }),
      hba1c("bounded", "2024-03-01", 14, { valueQuantity: { value: 14, comparator: ">", unit: "%", code: "%" } }),
      hba1c("undated", "not a date", 6),
      hba1c("error", "2024-04-01", 9, { status: "entered-in-error" }),
      hba1c("other-code", "2024-05-01", 6, { code: { coding: [{ system: "http://example.org", code: "4548-4" }] } }),
    ]);

    expect(trend?.points.map((point) => point.id)).toEqual(["kept"]);
  });

  it("lists every measure even when empty", () => {
    const trends = toLabTrends([]);

    expect(trends.map((trend) => [trend.measure, trend.points.length])).toEqual([
      ["hba1c", 0],
      ["ldl", 0],
      ["bloodPressure", 0],
      ["bmi", 0],
    ]);
  });
});
