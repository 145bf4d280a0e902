import type { CalendarDay } from "@/lib/claims/calendar-day";
import type { CalendarDate } from "@/lib/claims/parse-fhir-date";

/**
 * Formats a calendar date at its own precision: "Mar 4, 2026", "Mar 2026" or "2026" in en-US.
 * It formats in UTC because the fields are already the date as recorded, and the server's time
 * zone must not move it to a neighboring day.
 */
export function formatCalendarDate(date: CalendarDate | CalendarDay, locale: string): string {
  const utc = new Date(0);
  utc.setUTCFullYear(date.year, (date.month ?? 1) - 1, date.day ?? 1);

  const options: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
  if (date.precision !== "year") {
    options.month = "short";
  }
  if (date.precision === "day") {
    options.day = "numeric";
  }
  return new Intl.DateTimeFormat(locale, options).format(utc);
}
