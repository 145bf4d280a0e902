import { toDateRange } from "../fhir/date-range";

/** How much of a FHIR date or dateTime was given. */
export type DatePrecision = "year" | "month" | "day";

/** A FHIR date or dateTime reduced to its calendar date, as written at its own time zone offset. */
export interface CalendarDate {
  precision: DatePrecision;
  year: number;
  /** 1 to 12; present for month and day precision. */
  month?: number;
  /** 1 to 31; present for day precision. */
  day?: number;
  /** The first instant the value covers, for ordering; the offset is applied when one is given. */
  start: Date;
}

const calendarPrefix = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * Parses a FHIR date or dateTime. Returns null for anything else, including impossible dates
 * such as 2021-02-30. The calendar fields are those written, not converted to the server's time
 * zone, so a visit recorded as 2026-03-04T23:30:00-05:00 stays on March 4.
 */
export function parseFhirDate(text: string | undefined): CalendarDate | null {
  const range = text === undefined ? undefined : toDateRange(text);
  const match = text === undefined ? null : calendarPrefix.exec(text);
  if (!range || !match) {
    return null;
  }

  const [, yearText, monthText, dayText] = match;
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  return { precision: precisionOf(month, day), year: Number(yearText), month, day, start: range.start };
}

function precisionOf(month: number | undefined, day: number | undefined): DatePrecision {
  if (day !== undefined) return "day";
  if (month !== undefined) return "month";
  return "year";
}
