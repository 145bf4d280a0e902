/**
 * SQL that reads a FHIR date or dateTime the way parseFhirDate does, so the claims list can sort
 * and filter by service date in the database. `regexp_match(text, fhirDateTimeMatchSql)` gives an
 * array of the parts (year, month, day, hour, minute, second, offset); the helpers below take the
 * SQL name of such an array. They never cast unchecked text, because one malformed date must not
 * fail the member's whole list, and PostgreSQL 15 has no pg_input_is_valid to test a cast first.
 */
export const fhirDateTimeMatchSql = String.raw`'^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(Z|[+-]\d{2}:\d{2})?)?)?)?$'`;

const year = (match: string): string => `${match}[1]::int`;
const month = (match: string): string => `COALESCE(${match}[2]::int, 1)`;
const day = (match: string): string => `COALESCE(${match}[3]::int, 1)`;

/** True when the matched value is a real calendar date and time, such as not Feb 30 or 24:00. */
export function validDateSql(match: string): string {
  const lastDayOfMonth = `CASE WHEN ${month(match)} BETWEEN 1 AND 12 AND ${year(match)} >= 1
    THEN extract(day FROM make_date(${year(match)}, ${month(match)}, 1) + interval '1 month' - interval '1 day') END`;
  return `(${match} IS NOT NULL AND ${year(match)} >= 1 AND ${month(match)} BETWEEN 1 AND 12
    AND ${day(match)} BETWEEN 1 AND ${lastDayOfMonth}
    AND COALESCE(${match}[4]::int, 0) <= 23 AND COALESCE(${match}[5]::int, 0) <= 59 AND COALESCE(${match}[6]::numeric, 0) < 61)`;
}

/**
 * The calendar date as written, at the value's own offset, numbered 20261117 for Nov 17, 2026. A
 * month or a year counts as its first day. Use only where validDateSql holds.
 */
export function dayNumberSql(match: string): string {
  return `(${year(match)} * 10000 + ${month(match)} * 100 + ${day(match)})`;
}

/**
 * Seconds since 1970 UTC of the value's first instant; a value without an offset is read as UTC,
 * as toDateRange does. A leap second counts as the second before it. Use only where validDateSql holds.
 */
export function epochSql(match: string): string {
  const offset = `${match}[7]`;
  const offsetSeconds = `CASE WHEN ${offset} IS NULL OR ${offset} = 'Z' THEN 0
    ELSE (CASE WHEN left(${offset}, 1) = '-' THEN -1 ELSE 1 END) * (substr(${offset}, 2, 2)::int * 3600 + substr(${offset}, 5, 2)::int * 60) END`;
  const local = `make_timestamp(${year(match)}, ${month(match)}, ${day(match)}, COALESCE(${match}[4]::int, 0), COALESCE(${match}[5]::int, 0), LEAST(COALESCE(${match}[6]::numeric, 0), 59.999)::float8)`;
  return `(extract(epoch FROM ${local}) - ${offsetSeconds})`;
}
