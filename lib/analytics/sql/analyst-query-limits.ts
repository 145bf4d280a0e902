/** Rows the SQL console page shows. The rest of a larger result is left out, and the page notes it. */
export const SHOWN_ROW_LIMIT = 10_000;

/** Rows a CSV download contains at most, so that one download cannot take the server's memory. */
export const CSV_ROW_LIMIT = 100_000;

/** How long one query may run before PostgreSQL cancels it. */
export const QUERY_TIMEOUT_MS = 10_000;

/** Characters a query may have; longer input is rejected before it reaches the database. */
export const MAX_QUERY_LENGTH = 20_000;

/**
 * The schema the console reads, which is ANALYTICS_SCHEMA of the refresh. It is repeated here
 * because the refresh module reads its view files at import time, which the Next.js server bundle
 * cannot do. A test checks that the two agree.
 */
export const CONSOLE_SCHEMA = "analytics";
