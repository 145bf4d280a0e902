import { z } from "zod";

import { parseFhirDate } from "../claims/parse-fhir-date";
import type { EvidenceValueKind } from "./evidence-templates";
import { diastolicRange, hba1cRange, maxPlaceLength, systolicRange } from "./report-value-ranges";

/** Fields of the "I had this done elsewhere" form that can carry an error. */
export type GapReportField = "date" | "place" | "hba1c" | "systolic" | "diastolic";

/**
 * Codes of the errors a report field can fail with. The form shows the member-facing text for
 * each code from its strings file, with the value and limit the error carries.
 */
export type GapReportErrorCode =
  | "dateMissing"
  | "dateInvalid"
  | "dateInFuture"
  | "dateBeforeWindow"
  | "dateAfterPeriod"
  | "placeTooLong"
  | "placeSpecialCharacters"
  | "hba1cMissing"
  | "hba1cInvalid"
  | "hba1cOutOfRange"
  | "systolicMissing"
  | "systolicInvalid"
  | "systolicOutOfRange"
  | "diastolicMissing"
  | "diastolicInvalid"
  | "diastolicOutOfRange"
  | "diastolicNotBelowSystolic";

/** One field's error: its code, the value the member entered and, for range errors, the limit it broke. */
export interface GapReportFieldError {
  code: GapReportErrorCode;
  value?: string;
  limit?: string;
}

export type GapReportErrors = Partial<Record<GapReportField, GapReportFieldError>>;

/** A valid report: the service date as YYYY-MM-DD, an optional place, and the results the measure needs. */
export interface GapReport {
  date: string;
  place: string | null;
  /** HbA1c in percent, for the diabetes HbA1c measure. */
  hba1c?: number;
  /** Systolic and diastolic pressure in mm[Hg], for the blood pressure measure. */
  bloodPressure?: { systolic: number; diastolic: number };
}

/** Limits a report is checked against: the gap's window and the results its measure needs. */
export interface GapReportContext {
  values: EvidenceValueKind;
  /** First day that counts, YYYY-MM-DD. */
  windowStart: string;
  /** Last day of the measurement period, YYYY-MM-DD. */
  periodEnd: string;
  /** Today's date, YYYY-MM-DD. */
  today: string;
}

export type ParsedGapReport = { ok: true; report: GapReport } | { ok: false; errors: GapReportErrors };

/** Control characters other than tab, carriage return and line feed, which no place name contains. */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const text = z.string().trim();

const rawReportSchema = z.object({
  date: text,
  place: text,
  hba1c: text,
  systolic: text,
  diastolic: text,
});

/**
 * Validates the "I had this done elsewhere" form against the gap it reports on. Each field gets
 * at most one error, the first rule it breaks; a missing form field reads as empty text.
 */
export function parseGapReport(input: Partial<Record<GapReportField, string>>, context: GapReportContext): ParsedGapReport {
  const raw = rawReportSchema.parse({
    date: input.date ?? "",
    place: input.place ?? "",
    hba1c: input.hba1c ?? "",
    systolic: input.systolic ?? "",
    diastolic: input.diastolic ?? "",
  });
  const errors: GapReportErrors = {};

  const date = checkDate(raw.date, context);
  if ("code" in date) errors.date = date;
  const place = checkPlace(raw.place);
  if (place !== null) errors.place = place;

  const report: GapReport = { date: raw.date, place: raw.place === "" ? null : raw.place };
  if (context.values === "hba1c") {
    const hba1c = checkNumber(raw.hba1c, "hba1c", /^\d{1,2}(\.\d)?$/, hba1cRange);
    if (typeof hba1c === "number") report.hba1c = hba1c;
    else errors.hba1c = hba1c;
  }
  if (context.values === "blood-pressure") {
    const systolic = checkNumber(raw.systolic, "systolic", /^\d{2,3}$/, systolicRange);
    const diastolic = checkNumber(raw.diastolic, "diastolic", /^\d{2,3}$/, diastolicRange);
    if (typeof systolic !== "number") errors.systolic = systolic;
    if (typeof diastolic !== "number") errors.diastolic = diastolic;
    if (typeof systolic === "number" && typeof diastolic === "number") {
      if (diastolic >= systolic) errors.diastolic = { code: "diastolicNotBelowSystolic", value: raw.diastolic, limit: raw.systolic };
      else report.bloodPressure = { systolic, diastolic };
    }
  }

  return Object.keys(errors).length === 0 ? { ok: true, report } : { ok: false, errors };
}

function checkDate(value: string, context: GapReportContext): GapReportFieldError | { date: Date } {
  if (value === "") return { code: "dateMissing" };
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseFhirDate(value) : null;
  if (!parsed) return { code: "dateInvalid", value };

  const day = parsed.start;
  if (day > dayOf(context.today)) return { code: "dateInFuture", value, limit: context.today };
  if (day > dayOf(context.periodEnd)) return { code: "dateAfterPeriod", value, limit: context.periodEnd };
  if (day < dayOf(context.windowStart)) return { code: "dateBeforeWindow", value, limit: context.windowStart };
  return { date: day };
}

function checkPlace(value: string): GapReportFieldError | null {
  if (controlCharacter.test(value)) return { code: "placeSpecialCharacters" };
  if (value.length > maxPlaceLength) return { code: "placeTooLong", limit: String(maxPlaceLength) };
  return null;
}

function checkNumber(
  value: string,
  field: "hba1c" | "systolic" | "diastolic",
  pattern: RegExp,
  range: { min: number; max: number },
): number | GapReportFieldError {
  if (value === "") return { code: `${field}Missing` };
  if (!pattern.test(value)) return { code: `${field}Invalid`, value };
  const number = Number(value);
  if (number < range.min || number > range.max) return { code: `${field}OutOfRange`, value };
  return number;
}

/** Parses a YYYY-MM-DD date that the server itself computed; a malformed one is a programming error. */
function dayOf(value: string): Date {
  const parsed = parseFhirDate(value);
  if (!parsed) throw new Error(`"${value}" is not a YYYY-MM-DD date; pass dates from the gap and the server clock.`);
  return parsed.start;
}
