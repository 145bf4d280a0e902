import type { CalendarDate } from "./parse-fhir-date";

/** A calendar date without its instant, safe to send as JSON to the browser. */
export type CalendarDay = Omit<CalendarDate, "start">;

/** Drops the instant of a parsed FHIR date; keeps null as null. */
export function toCalendarDay(date: CalendarDate | null): CalendarDay | null {
  if (!date) {
    return null;
  }
  const { precision, year, month, day } = date;
  return { precision, year, month, day };
}
