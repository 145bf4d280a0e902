import { FhirError } from "@/lib/fhir/fhir-error";

import type { MeasurementPeriod } from "../measure-evaluator";
import { parseFhirInstant, parseFhirInstantEnd } from "./clinical-interval";

/** A measurement period as UTC instants: `start` is its first millisecond, `end` its last. */
export interface MeasurementWindow {
  start: number;
  end: number;
}

/**
 * Turns a measurement period of FHIR dates into instants, rejecting a period that is not two
 * dates or that ends before it starts.
 */
export function toMeasurementWindow(period: MeasurementPeriod): MeasurementWindow {
  const start = parseFhirInstant(period.start);
  const end = parseFhirInstantEnd(period.end);
  if (start === null || end === null) {
    throw new FhirError("invalid", `Measurement period ${period.start} to ${period.end} is not two FHIR dates; give dates such as 2026-01-01 and 2026-12-31.`);
  }
  if (end < start) {
    throw new FhirError("invalid", `Measurement period ends (${period.end}) before it starts (${period.start}); swap the dates.`);
  }
  return { start, end };
}

/** Moves an instant by whole calendar years, as CQL's "- 2 years" does (Feb 29 becomes Feb 28). */
export function shiftYears(instant: number, years: number): number {
  const date = new Date(instant);
  const year = date.getUTCFullYear() + years;
  const lastDay = new Date(Date.UTC(year, date.getUTCMonth() + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(year, date.getUTCMonth(), day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
}

/** Moves an instant by whole calendar months, keeping the day where the month has it. */
export function shiftMonths(instant: number, months: number): number {
  const date = new Date(instant);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
}

/**
 * Completed years of age on the calendar day of `at` (CQL AgeInYearsAt), or null without a
 * birth date. A birthday on Feb 29 is reached on Mar 1 in other years.
 */
export function ageInYearsAt(birthDate: string | undefined, at: number): number | null {
  const born = parseFhirInstant(birthDate);
  if (born === null) return null;

  const birth = new Date(born);
  const day = new Date(at);
  let age = day.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birth.getUTCMonth() || (day.getUTCMonth() === birth.getUTCMonth() && day.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
