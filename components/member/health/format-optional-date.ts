import type { CalendarDate } from "@/lib/claims/parse-fhir-date";

import { formatCalendarDate } from "../format-calendar-date";
import { healthStrings } from "./strings";

/** Formats a recorded date at its precision, or returns the "not recorded" text. */
export function formatOptionalDate(date: CalendarDate | null): string {
  return date ? formatCalendarDate(date, healthStrings.locale) : healthStrings.unknownDate;
}
