import type { CalendarDate } from "../claims/parse-fhir-date";

const millisecondsPerDay = 86_400_000;

/**
 * A calendar day as a whole number of days since 1970-01-01. Plan years and service dates are
 * compared as these numbers, so a time zone offset never moves a claim into the next plan year.
 */
export type CalendarDay = number;

/** Returns the day number of a year, month (1 to 12) and day of the month. */
export function toCalendarDay(year: number, month: number, day: number): CalendarDay {
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / millisecondsPerDay);
}

/** Returns the first day a parsed FHIR date covers, at its own precision: 2026-03 gives March 1. */
export function firstDayOf(date: CalendarDate): CalendarDay {
  return toCalendarDay(date.year, date.month ?? 1, date.day ?? 1);
}

/** Returns the last day a parsed FHIR date covers, at its own precision: 2026-03 gives March 31. */
export function lastDayOf(date: CalendarDate): CalendarDay {
  if (date.precision === "day") {
    return firstDayOf(date);
  }
  if (date.precision === "month") {
    return toCalendarDay(date.year, (date.month ?? 1) + 1, 1) - 1;
  }
  return toCalendarDay(date.year + 1, 1, 1) - 1;
}

/** Returns the day as a day-precision CalendarDate, for formatCalendarDate. */
export function toCalendarDate(day: CalendarDay): CalendarDate {
  const start = new Date(day * millisecondsPerDay);
  return { precision: "day", year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate(), start };
}

/**
 * Returns the calendar day of an instant in UTC.
 * NOTE: a member in Arizona who opens the page on Dec 31 after 5 pm local time gets Jan 1; the
 * plan's time zone belongs in the settings once the portal has one.
 */
export function calendarDayOfInstant(instant: Date): CalendarDay {
  return Math.floor(instant.getTime() / millisecondsPerDay);
}
