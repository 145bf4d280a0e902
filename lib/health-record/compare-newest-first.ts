import type { CalendarDate } from "../claims/parse-fhir-date";

/**
 * Orders two dates newest first by the calendar date as recorded, then by instant within one
 * day. A year or month counts as its first day. Null dates come last.
 */
export function compareNewestFirst(left: CalendarDate | null, right: CalendarDate | null): number {
  if (left && right) {
    const byDay = calendarDayNumber(right) - calendarDayNumber(left);
    return byDay !== 0 ? byDay : right.start.getTime() - left.start.getTime();
  }
  if (left === right) {
    return 0;
  }
  return left === null ? 1 : -1;
}

/** Numbers a calendar date as written, 20261117 for Nov 17, 2026. */
export function calendarDayNumber(date: CalendarDate): number {
  return date.year * 10_000 + (date.month ?? 1) * 100 + (date.day ?? 1);
}

/** Sorts items newest first by the date `dateOf` returns, with ties by id so the order is stable. */
export function sortNewestFirst<T extends { id: string }>(items: T[], dateOf: (item: T) => CalendarDate | null): T[] {
  return [...items].sort((left, right) => compareNewestFirst(dateOf(left), dateOf(right)) || left.id.localeCompare(right.id));
}
