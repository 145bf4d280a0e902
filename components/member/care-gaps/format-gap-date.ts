import { parseFhirDate } from "@/lib/claims/parse-fhir-date";

import { formatCalendarDate } from "../format-calendar-date";
import { careGapsStrings } from "./strings";

/** Formats a YYYY-MM-DD date as "Mar 4, 2026"; text that is not such a date is returned as it is. */
export function formatGapDate(date: string): string {
  const parsed = parseFhirDate(date);
  return parsed ? formatCalendarDate(parsed, careGapsStrings.locale) : date;
}
