import { CSV_ROW_LIMIT, QUERY_TIMEOUT_MS, SHOWN_ROW_LIMIT } from "@/lib/analytics/sql/analyst-query-limits";

/** Text of the admin SQL console, in US English. */
export const sqlConsoleStrings = {
  pageTitle: "SQL console",
  heading: "SQL console",
  intro: `Run one read-only SELECT against the analytics tables. Queries stop after ${QUERY_TIMEOUT_MS / 1000} seconds. The page shows the first ${SHOWN_ROW_LIMIT.toLocaleString("en-US")} rows, and a CSV download holds up to ${CSV_ROW_LIMIT.toLocaleString("en-US")}. Every query is recorded in the audit trail.`,
  queryLabel: "SQL query",
  queryHint: "Only the analytics schema is visible. Example: SELECT claim_type, count(*) FROM claim_header GROUP BY claim_type",
  run: "Run query",
  running: "Running…",
  download: "Download CSV",
  resultCaption: "Query result",
  rowCount: (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "row" : "rows"}`,
  truncated: `Only the first ${SHOWN_ROW_LIMIT.toLocaleString("en-US")} rows are shown. Download the CSV for up to ${CSV_ROW_LIMIT.toLocaleString("en-US")}, or narrow the query.`,
  noRows: "The query returned no rows.",
  nullValue: "NULL",
  errorHeading: "The query failed",
  failed: (reference: string) => `The query could not be run because of a server error. Try again, and if it keeps failing, report reference ${reference} to the portal team.`,
  tooLong: (max: number) => `The query is longer than ${max.toLocaleString("en-US")} characters; shorten it.`,
  notAllowed: "This request did not come from the SQL console page. Reload the page and run the query again.",
  tablesHeading: "Analytics tables",
  noTables: "No analytics tables yet. Run npm run analytics:refresh on the server to create them.",
} as const;
