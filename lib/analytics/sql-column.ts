import type { ViewColumnInfo } from "./compile-view-definition";

/**
 * PostgreSQL column types for FHIR primitive types. Dates and times get date and timestamptz, so
 * a partial FHIR date ("2024" or "2024-03") is stored as its first day; other types are text.
 */
const SQL_TYPES: Record<string, string> = {
  boolean: "boolean",
  integer: "integer",
  positiveInt: "integer",
  unsignedInt: "integer",
  integer64: "bigint",
  decimal: "numeric",
  date: "date",
  dateTime: "timestamptz",
  instant: "timestamptz",
  time: "time",
};

/** Returns the SQL type of a view column: jsonb for a collection or an untyped column, else by FHIR type. */
export function toSqlType(column: ViewColumnInfo): string {
  if (column.collection || column.type === undefined) return "jsonb";
  return SQL_TYPES[column.type] ?? "text";
}

/** Converts a view value to the parameter its SQL column takes. */
export function toSqlValue(value: unknown, column: ViewColumnInfo): unknown {
  if (value === null || value === undefined) return null;
  const sqlType = toSqlType(column);
  if (sqlType === "jsonb") return JSON.stringify(value);
  if (sqlType === "date") return completeDate(String(value).slice(0, 10));
  if (sqlType === "timestamptz") return toInstant(String(value));
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/** Completes a partial date with its first day: "2024" → "2024-01-01", "2024-03" → "2024-03-01". */
function completeDate(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Converts a FHIR dateTime to an instant, reading one without a time as midnight UTC of its first day. */
function toInstant(dateTime: string): string {
  return dateTime.includes("T") ? dateTime : `${completeDate(dateTime)}T00:00:00Z`;
}
