import { toCalendarDate, type CalendarDay } from "../../coverage/calendar-day";
import type { PlanYear } from "../../coverage/plan-year-of";
import type { DayRange } from "./list-claim-cost-by-month";

/** Converts a plan year's day numbers to the ISO dates the aggregate queries take. */
export function toDayRange(planYear: PlanYear): DayRange {
  return { firstDay: toIsoDay(planYear.firstDay), lastDay: toIsoDay(planYear.lastDay) };
}

function toIsoDay(day: CalendarDay): string {
  const date = toCalendarDate(day);
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}
