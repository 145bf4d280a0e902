/**
 * SQL that reads a FHIR date or dateTime the way parseFhirDate does, so the claims list can sort
 * and filter by service date in the database. dateTimePartsSql splits a value into an array of
 * its parts (year, month, day, hour, minute, second, offset), and the helpers below take the SQL
 * name of such an array. They never cast unchecked text, because one malformed date must not fail
 * the member's whole list, and PostgreSQL 15 has no pg_input_is_valid to test a cast first.
 */
const fhirDateTimeShape = String.raw`'^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?$'`;

/**
 * Builds SQL for the parts of the FHIR date or dateTime in `text`, or NULL when it has another
 * shape. A boolean match and fixed positions are used instead of regexp_match with capture
 * groups, which measured about ten times slower on PGlite. Fractions of a second are dropped,
 * because the list only orders by them within one second.
 */
export function dateTimePartsSql(text: string): string {
  const offset = `CASE WHEN right(${text}, 1) = 'Z' THEN 'Z'
    WHEN length(${text}) > 16 AND substr(${text}, length(${text}) - 5, 1) IN ('+', '-') THEN right(${text}, 6) END`;
  return `CASE WHEN ${text} ~ ${fhirDateTimeShape} THEN ARRAY[
    substr(${text}, 1, 4), NULLIF(substr(${text}, 6, 2), ''), NULLIF(substr(${text}, 9, 2), ''),
    NULLIF(substr(${text}, 12, 2), ''), NULLIF(substr(${text}, 15, 2), ''),
    CASE WHEN substr(${text}, 17, 1) = ':' THEN substr(${text}, 18, 2) END, ${offset}] END`;
}

const year = (match: string): string => `${match}[1]::int`;
const month = (match: string): string => `COALESCE(${match}[2]::int, 1)`;
const day = (match: string): string => `COALESCE(${match}[3]::int, 1)`;

/** Builds SQL that is true when the matched value is a real date and time (not Feb 30, not 24:00). */
export function validDateSql(match: string): string {
  const lastDayOfMonth = `CASE WHEN ${month(match)} BETWEEN 1 AND 12 AND ${year(match)} >= 1
    THEN extract(day FROM make_date(${year(match)}, ${month(match)}, 1) + interval '1 month' - interval '1 day') END`;
  return `(${match} IS NOT NULL AND ${year(match)} >= 1 AND ${month(match)} BETWEEN 1 AND 12
    AND ${day(match)} BETWEEN 1 AND ${lastDayOfMonth}
    AND COALESCE(${match}[4]::int, 0) <= 23 AND COALESCE(${match}[5]::int, 0) <= 59 AND COALESCE(${match}[6]::int, 0) <= 60)`;
}

/**
 * Builds SQL for the calendar date as written at the value's own offset, numbered 20261117 for
 * Nov 17, 2026. A month or a year counts as its first day. Use only where validDateSql holds.
 */
export function dayNumberSql(match: string): string {
  return `(${year(match)} * 10000 + ${month(match)} * 100 + ${day(match)})`;
}

/**
 * Builds SQL for the seconds since 1970 UTC of the value's first instant. A value without an
 * offset is read as UTC, as toDateRange does, and a leap second counts as the second before it.
 * Use only where validDateSql holds.
 */
export function epochSql(match: string): string {
  const offset = `${match}[7]`;
  const offsetSeconds = `CASE WHEN ${offset} IS NULL OR ${offset} = 'Z' THEN 0
    ELSE (CASE WHEN left(${offset}, 1) = '-' THEN -1 ELSE 1 END) * (substr(${offset}, 2, 2)::int * 3600 + substr(${offset}, 5, 2)::int * 60) END`;
  const local = `make_timestamp(${year(match)}, ${month(match)}, ${day(match)}, COALESCE(${match}[4]::int, 0), COALESCE(${match}[5]::int, 0), LEAST(COALESCE(${match}[6]::int, 0), 59))`;
  return `(extract(epoch FROM ${local}) - ${offsetSeconds})`;
}
