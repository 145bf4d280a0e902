import { dayFromCalendarDate, dayFromInstant, yearOfDay } from "./demo-calendar";

/**
 * The "today" used when the caller passes none: noon on 2026-12-01 in Arizona. A fixed date keeps
 * the output byte-identical across runs; pass `today` to place the data relative to the real date.
 */
export const DEFAULT_DEMO_TODAY = new Date("2026-12-01T12:00:00-07:00");

/** Length of the claims history before today, in days (about 18 months). */
export const CLAIM_HISTORY_DAYS = 548;

/** The fixed points in time that all generated data is placed around. */
export interface DemoClock {
  /**
   * The last day that carries data: the day before `today`. Stopping a day early keeps every
   * generated timestamp before the `today` instant, whatever its time of day.
   */
  lastDay: number;
  /** First day that may carry claims and visits, about 18 months before today. */
  historyStart: number;
  /** Calendar plan years that overlap the history, oldest first. Each gets its own Coverage. */
  planYears: readonly number[];
}

/** Creates the clock for a given today. */
export function createDemoClock(today: Date): DemoClock {
  const lastDay = dayFromInstant(today) - 1;
  const historyStart = lastDay + 1 - CLAIM_HISTORY_DAYS;

  const planYears: number[] = [];
  for (let year = yearOfDay(historyStart); year <= yearOfDay(lastDay); year++) {
    planYears.push(year);
  }

  return { lastDay, historyStart, planYears };
}

/** Returns the first and last day of a calendar plan year. */
export function planYearBounds(year: number): { start: number; end: number } {
  return { start: dayFromCalendarDate(year, 1, 1), end: dayFromCalendarDate(year, 12, 31) };
}
