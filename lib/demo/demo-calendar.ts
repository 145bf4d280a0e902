// Demo dates are whole "days": days since 1970-01-01 on the local calendar of the plan's service
// area. Arizona outside the Navajo Nation (America/Phoenix) stays on MST all year, so one fixed UTC
// offset is correct for every date and no daylight-saving table is needed.

/** The UTC offset written on every demo dateTime and instant. */
export const DEMO_UTC_OFFSET = "-07:00";

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = -7 * 3_600_000;

/** Converts an instant to its day on the Arizona calendar. */
export function dayFromInstant(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET_MS) / MS_PER_DAY);
}

/** Converts a calendar date (month 1 to 12) to a day number; out-of-range parts roll over as in Date.UTC. */
export function dayFromCalendarDate(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

// Generation formats the same few thousand days hundreds of thousands of times.
const formattedDays = new Map<number, string>();

/** Formats a day as a FHIR date (YYYY-MM-DD). */
export function toFhirDate(day: number): string {
  let formatted = formattedDays.get(day);
  if (formatted === undefined) {
    formatted = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formattedDays.set(day, formatted);
  }
  return formatted;
}

/** Formats a day and a minute of that day (0 to 1439) as a FHIR dateTime with the demo offset. */
export function toFhirDateTime(day: number, minuteOfDay: number): string {
  const hours = String(Math.floor(minuteOfDay / 60)).padStart(2, "0");
  const minutes = String(minuteOfDay % 60).padStart(2, "0");
  return `${toFhirDate(day)}T${hours}:${minutes}:00${DEMO_UTC_OFFSET}`;
}

/** Returns the calendar year of a day. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Returns the whole years between a birth day and another day, as a person's age is counted. */
export function ageOnDay(birthDay: number, day: number): number {
  const birth = new Date(birthDay * MS_PER_DAY);
  const on = new Date(day * MS_PER_DAY);
  const hadBirthday =
    on.getUTCMonth() > birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() >= birth.getUTCDate());
  return on.getUTCFullYear() - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}
