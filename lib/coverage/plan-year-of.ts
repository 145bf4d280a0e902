import type { Period } from "fhir/r4";

import { parseFhirDate } from "../claims/parse-fhir-date";
import { firstDayOf, lastDayOf, toCalendarDate, toCalendarDay, type CalendarDay } from "./calendar-day";

/** The days one plan year runs, both inclusive. */
export interface PlanYear {
  firstDay: CalendarDay;
  lastDay: CalendarDay;
}

/**
 * Returns the plan year of a Coverage period that contains `day`. A plan year starts on the
 * anniversary of the period start (a plan that starts on July 1 runs July 1 to June 30) and ends
 * early when the period does. Without a start it is the calendar year. Before the period starts
 * this is the first plan year, and after it ends the last one, so a member whose coverage ended
 * still sees the totals of their final plan year.
 */
export function planYearOf(period: Period | undefined, day: CalendarDay): PlanYear {
  const start = parseFhirDate(period?.start);
  const end = parseFhirDate(period?.end);
  const periodFirst = start ? firstDayOf(start) : null;
  const periodLast = end ? lastDayOf(end) : null;

  const reference = clamp(day, periodFirst, periodLast);
  const anchor = toCalendarDate(periodFirst ?? toCalendarDay(1970, 1, 1));
  const anchorMonth = anchor.month ?? 1;
  const anchorDay = anchor.day ?? 1;

  const year = toCalendarDate(reference).year;
  let firstDay = toCalendarDay(year, anchorMonth, anchorDay);
  if (firstDay > reference) {
    firstDay = toCalendarDay(year - 1, anchorMonth, anchorDay);
  }
  const nextFirst = toCalendarDay(toCalendarDate(firstDay).year + 1, anchorMonth, anchorDay);

  return {
    firstDay: Math.max(firstDay, periodFirst ?? firstDay),
    lastDay: Math.min(nextFirst - 1, periodLast ?? nextFirst - 1),
  };
}

/** Tells whether a day falls within the plan year. */
export function isInPlanYear(planYear: PlanYear, day: CalendarDay): boolean {
  return planYear.firstDay <= day && day <= planYear.lastDay;
}

function clamp(day: CalendarDay, first: CalendarDay | null, last: CalendarDay | null): CalendarDay {
  if (last !== null && day > last) return last;
  if (first !== null && day < first) return first;
  return day;
}
