import type { PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { formatCalendarDate } from "../format-calendar-date";
import { coverageStrings } from "./strings";

/** Formats the plan year as "Plan year Jan 1, 2026 to Dec 31, 2026". */
export function formatPlanYear(planYear: PlanYearSpending["planYear"]): string {
  return coverageStrings.spending.planYear(
    formatCalendarDate(planYear.firstDay, coverageStrings.locale),
    formatCalendarDate(planYear.lastDay, coverageStrings.locale),
  );
}
