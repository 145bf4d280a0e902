/** The instants a FHIR date value covers, with an exclusive end. */
export interface DateRange {
  start: Date;
  end: Date;
}

/** Start of a Period that has no start. */
export const FAR_PAST = new Date("0001-01-01T00:00:00.000Z");
/** End of a Period that has no end, so an open Period matches every later date. */
export const FAR_FUTURE = new Date("9999-12-31T23:59:59.999Z");

const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Converts a FHIR date, dateTime or instant into the range its precision covers: "2019" is the
 * whole year, "2019-07" the month, "2019-07-04" the day, a time with seconds that second and a
 * time with fractional seconds that millisecond. Returns undefined for text that is not such a value.
 *
 * NOTE: a date without a time, and a time without an offset (which R4 forbids), carry no time
 * zone, so they are read as UTC. "2019-07-04" then covers 2019-07-04T00:00Z up to
 * 2019-07-05T00:00Z, not the member's local day.
 */
export function toDateRange(value: string): DateRange | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) {
    return undefined;
  }
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, offsetText] = match;
  const year = Number(yearText);
  const month = monthText === undefined ? 1 : Number(monthText);
  const day = dayText === undefined ? 1 : Number(dayText);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }

  if (monthText === undefined) return { start: utc(year, 1, 1), end: utc(year + 1, 1, 1) };
  if (dayText === undefined) return { start: utc(year, month, 1), end: utc(year, month + 1, 1) };
  if (hourText === undefined || minuteText === undefined) return { start: utc(year, month, day), end: utc(year, month, day + 1) };

  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  const milliseconds = fractionText === undefined ? 0 : Number(fractionText.padEnd(3, "0").slice(0, 3));
  const local = utc(year, month, day, hour, minute, second, milliseconds).getTime();
  const start = local - offsetMinutes(offsetText) * MINUTE;
  let length = MINUTE;
  if (secondText !== undefined) length = SECOND;
  if (fractionText !== undefined) length = 1;
  return { start: new Date(start), end: new Date(start + length) };
}

/** Covers a FHIR Period from its start's range start to its end's range end. */
export function periodToDateRange(start: unknown, end: unknown): DateRange | undefined {
  const from = typeof start === "string" ? toDateRange(start) : undefined;
  const to = typeof end === "string" ? toDateRange(end) : undefined;
  if (from === undefined && to === undefined) {
    return undefined;
  }
  return {
    start: from?.start ?? new Date(FAR_PAST),
    end: to?.end ?? new Date(FAR_FUTURE),
  };
}

/** Builds a UTC date. Date.UTC alone would read years 0–99 as 1900–1999. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, milliseconds = 0): Date {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, milliseconds));
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function daysInMonth(year: number, month: number): number {
  return utc(year, month + 1, 0).getUTCDate();
}

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset === "Z") {
    return 0;
  }
  const sign = offset.startsWith("-") ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}
