import { describe, expect, it } from "vitest";

import { parseGapReport, type GapReportContext, type GapReportField } from "./parse-gap-report";

const screening = { values: "none", windowStart: "2024-10-01", periodEnd: "2026-12-31", today: "2026-06-15" } satisfies GapReportContext;
const hba1c = { ...screening, values: "hba1c", windowStart: "2026-01-01" } satisfies GapReportContext;
const bloodPressure = { ...screening, values: "blood-pressure", windowStart: "2026-01-01" } satisfies GapReportContext;

type Form = Partial<Record<GapReportField, string>>;

describe("parseGapReport", () => {
  it("accepts a screening date and trims the place", () => {
    const result = parseGapReport({ date: "2026-05-02", place: "  Desert Imaging Center " }, screening);

    expect(result).toEqual({ ok: true, report: { date: "2026-05-02", place: "Desert Imaging Center" } });
  });

  it("accepts the first and last day of the window", () => {
    expect(parseGapReport({ date: "2024-10-01" }, screening)).toEqual({ ok: true, report: { date: "2024-10-01", place: null } });
    expect(parseGapReport({ date: "2026-06-15" }, screening)).toEqual({ ok: true, report: { date: "2026-06-15", place: null } });
  });

  it("reads an HbA1c result in percent", () => {
    const result = parseGapReport({ date: "2026-03-10", hba1c: "7.4" }, hba1c);

    expect(result).toEqual({ ok: true, report: { date: "2026-03-10", place: null, hba1c: 7.4 } });
  });

  it("reads a blood pressure in mm[Hg]", () => {
    const result = parseGapReport({ date: "2026-03-10", systolic: "128", diastolic: "82" }, bloodPressure);

    expect(result).toEqual({ ok: true, report: { date: "2026-03-10", place: null, bloodPressure: { systolic: 128, diastolic: 82 } } });
  });

  it("ignores result fields a screening does not take", () => {
    const result = parseGapReport({ date: "2026-03-10", hba1c: "banana", systolic: "x" }, screening);

    expect(result).toEqual({ ok: true, report: { date: "2026-03-10", place: null } });
  });

  it.each<[string, Form, GapReportContext, object]>([
    ["missing date", { date: "  " }, screening, { date: { code: "dateMissing" } }],
    ["US-style date", { date: "06/01/2026" }, screening, { date: { code: "dateInvalid", value: "06/01/2026" } }],
    ["impossible date", { date: "2026-02-30" }, screening, { date: { code: "dateInvalid", value: "2026-02-30" } }],
    ["date with time", { date: "2026-02-03T10:00:00Z" }, screening, { date: { code: "dateInvalid", value: "2026-02-03T10:00:00Z" } }],
    ["future date", { date: "2026-06-16" }, screening, { date: { code: "dateInFuture", value: "2026-06-16", limit: "2026-06-15" } }],
    ["date after the period", { date: "2026-01-05" }, { ...screening, periodEnd: "2025-12-31", today: "2026-02-01" }, { date: { code: "dateAfterPeriod", value: "2026-01-05", limit: "2025-12-31" } }],
    ["date before the window", { date: "2024-09-30" }, screening, { date: { code: "dateBeforeWindow", value: "2024-09-30", limit: "2024-10-01" } }],
    ["long place", { date: "2026-05-02", place: "x".repeat(101) }, screening, { place: { code: "placeTooLong", limit: "100" } }],
    ["control character in place", { date: "2026-05-02", place: "Clinic\u0000" }, screening, { place: { code: "placeSpecialCharacters" } }],
    ["missing HbA1c", { date: "2026-03-10" }, hba1c, { hba1c: { code: "hba1cMissing" } }],
    ["HbA1c with a comma", { date: "2026-03-10", hba1c: "7,4" }, hba1c, { hba1c: { code: "hba1cInvalid", value: "7,4" } }],
    ["HbA1c with a unit", { date: "2026-03-10", hba1c: "7.4%" }, hba1c, { hba1c: { code: "hba1cInvalid", value: "7.4%" } }],
    ["HbA1c too high", { date: "2026-03-10", hba1c: "74" }, hba1c, { hba1c: { code: "hba1cOutOfRange", value: "74" } }],
    ["HbA1c too low", { date: "2026-03-10", hba1c: "2.9" }, hba1c, { hba1c: { code: "hba1cOutOfRange", value: "2.9" } }],
    ["missing pressures", { date: "2026-03-10" }, bloodPressure, { systolic: { code: "systolicMissing" }, diastolic: { code: "diastolicMissing" } }],
    ["systolic as a fraction", { date: "2026-03-10", systolic: "128/82", diastolic: "82" }, bloodPressure, { systolic: { code: "systolicInvalid", value: "128/82" } }],
    ["diastolic out of range", { date: "2026-03-10", systolic: "128", diastolic: "12" }, bloodPressure, { diastolic: { code: "diastolicOutOfRange", value: "12" } }],
    ["diastolic with a decimal", { date: "2026-03-10", systolic: "128", diastolic: "82.5" }, bloodPressure, { diastolic: { code: "diastolicInvalid", value: "82.5" } }],
    ["systolic out of range", { date: "2026-03-10", systolic: "400", diastolic: "82" }, bloodPressure, { systolic: { code: "systolicOutOfRange", value: "400" } }],
    ["diastolic above systolic", { date: "2026-03-10", systolic: "82", diastolic: "128" }, bloodPressure, { diastolic: { code: "diastolicNotBelowSystolic", value: "128", limit: "82" } }],
    ["several fields at once", { date: "2027-01-01", hba1c: "" }, hba1c, { date: { code: "dateInFuture", value: "2027-01-01", limit: "2026-06-15" }, hba1c: { code: "hba1cMissing" } }],
  ])("rejects %s", (_name, form, context, errors) => {
    const result = parseGapReport(form, context);

    expect(result).toEqual({ ok: false, errors });
  });
});
