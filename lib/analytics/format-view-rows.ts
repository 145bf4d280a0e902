import type { ViewColumnInfo } from "./compile-view-definition";
import type { ViewRow } from "./view-definition";

/** The output formats of ViewDefinition/$run. */
export type ViewOutputFormat = "json" | "ndjson" | "csv";

/** The media type sent for each output format. */
export const VIEW_OUTPUT_CONTENT_TYPES: Record<ViewOutputFormat, string> = {
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/**
 * Serializes view rows: a JSON array, one JSON object per line, or CSV as RFC 4180 quotes it,
 * with the column names as the first line when `header` is true. A collection column goes into
 * CSV as its JSON array.
 */
export function formatViewRows(rows: ViewRow[], columns: ViewColumnInfo[], format: ViewOutputFormat, header = true): string {
  switch (format) {
    case "json":
      return JSON.stringify(rows.map((row) => orderedRow(row, columns)));
    case "ndjson":
      return rows.map((row) => `${JSON.stringify(orderedRow(row, columns))}\n`).join("");
    case "csv": {
      const lines = rows.map((row) => columns.map((column) => csvField(row[column.name])).join(","));
      if (header) lines.unshift(columns.map((column) => csvField(column.name)).join(","));
      return lines.map((line) => `${line}\r\n`).join("");
    }
  }
}

function orderedRow(row: ViewRow, columns: ViewColumnInfo[]): ViewRow {
  return Object.fromEntries(columns.map((column) => [column.name, row[column.name] ?? null]));
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "object") text = JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
