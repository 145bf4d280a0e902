import type { CalendarDate } from "@/lib/claims/parse-fhir-date";

import { formatCalendarDate } from "../format-calendar-date";
import { healthStrings } from "./strings";

/** Formats a recorded date at its precision, or says it was not recorded. */
export function formatOptionalDate(date: CalendarDate | null): string {
  return date ? formatCalendarDate(date, healthStrings.locale) : healthStrings.unknownDate;
}
