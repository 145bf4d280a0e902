import { parseFhirDate } from "@/lib/claims/parse-fhir-date";

import { formatCalendarDate } from "../member/format-calendar-date";
import { careStrings } from "./strings";

/** Formats a FHIR date or dateTime as written, at its precision ("Mar 4, 2026"), or "Not recorded". */
export function formatCareDate(value: string | null | undefined): string {
  const date = parseFhirDate(value ?? undefined);
  return date ? formatCalendarDate(date, careStrings.locale) : careStrings.unknownDate;
}
