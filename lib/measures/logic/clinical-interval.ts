import type { Period } from "fhir/r4";

const dayMs = 86_400_000;

/**
 * A span of clinical time in UTC milliseconds. `start: null` is unbounded, like a closed null low
 * in CQL. `end: null` is unbounded too, unless `endUnknown` is set. That models CQL's open null
 * high, an end that is not known, so "overlaps" and "ends during" are never true for it.
 */
export interface ClinicalInterval {
  start: number | null;
  end: number | null;
  endUnknown?: boolean;
}

/**
 * Parses a FHIR date or dateTime into the UTC instant of its start. A partial date ("2025" or
 * "2025-03") starts at its first day. A dateTime without offset is read as UTC, because the CMS
 * measures define the measurement period in UTC.
 */
export function parseFhirInstant(value: string | undefined): number | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(value);
  if (!match) return null;

  const [, year, month = "01", day = "01", hour = "00", minute = "00", second = "00", fraction = "", zone = "Z"] = match;
  const milliseconds = Math.round(Number(`0${fraction}`) * 1000);
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds);
  return utc - zoneOffsetMs(zone);
}

/** Parses a FHIR date into the UTC instant of its last millisecond, so "2025" ends at 2025-12-31T23:59:59.999Z. */
export function parseFhirInstantEnd(value: string | undefined): number | null {
  if (!value) return null;
  const start = parseFhirInstant(value);
  if (start === null) return null;

  const date = new Date(start);
  if (/^\d{4}$/.test(value)) return Date.UTC(date.getUTCFullYear() + 1, 0, 1) - 1;
  if (/^\d{4}-\d{2}$/.test(value)) return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - 1;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return start + dayMs - 1;
  return start;
}

/** Converts a dateTime into the interval CQL's toInterval() makes of it, spanning its precision. */
export function instantInterval(value: string | undefined): ClinicalInterval | null {
  const start = parseFhirInstant(value);
  if (start === null) return null;
  return { start, end: parseFhirInstantEnd(value) };
}

/** Converts a FHIR Period into an interval. A missing end is open-ended, as FHIR defines for an ongoing period. */
export function periodInterval(period: Period | undefined): ClinicalInterval | null {
  if (!period || (!period.start && !period.end)) return null;
  return { start: parseFhirInstant(period.start), end: parseFhirInstantEnd(period.end) };
}

/** Returns the day number (days since 1970-01-01, UTC) an instant falls on, for CQL's "day of" precision. */
export function dayOf(instant: number): number {
  return Math.floor(instant / dayMs);
}

/** CQL "latest()": the end of the interval when it has one, else its start. */
export function latestInstant(interval: ClinicalInterval | null): number | null {
  if (!interval) return null;
  if (interval.end !== null && !interval.endUnknown) return interval.end;
  return interval.start;
}

/** True when the interval's end falls within [from, to] at day precision ("ends during day of"). */
export function endsDuringDays(interval: ClinicalInterval | null, from: number, to: number): boolean {
  if (!interval || interval.end === null || interval.endUnknown) return false;
  const day = dayOf(interval.end);
  return day >= dayOf(from) && day <= dayOf(to);
}

/** True when the whole interval lies within [from, to] at day precision ("during day of"). */
export function withinDays(interval: ClinicalInterval | null, from: number, to: number): boolean {
  if (!interval || interval.start === null || interval.end === null || interval.endUnknown) return false;
  return dayOf(interval.start) >= dayOf(from) && dayOf(interval.end) <= dayOf(to);
}

/** True when the interval and [from, to] share at least one day ("overlaps day of"). */
export function overlapsDays(interval: ClinicalInterval | null, from: number, to: number): boolean {
  if (!interval) return false;
  const startsBeforeEnd = interval.start === null || dayOf(interval.start) <= dayOf(to);
  if (!startsBeforeEnd) return false;
  if (interval.endUnknown) return false;
  return interval.end === null || dayOf(interval.end) >= dayOf(from);
}

/** True when the interval starts on or before the day of `instant`; an unbounded start does. */
export function startsOnOrBeforeDay(interval: ClinicalInterval | null, instant: number): boolean {
  if (!interval) return false;
  return interval.start === null || dayOf(interval.start) <= dayOf(instant);
}

/** True when the interval ends on or before the day of `instant`. */
export function endsOnOrBeforeDay(interval: ClinicalInterval | null, instant: number): boolean {
  if (!interval || interval.end === null || interval.endUnknown) return false;
  return dayOf(interval.end) <= dayOf(instant);
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return sign * (hours * 60 + minutes) * 60_000;
}
