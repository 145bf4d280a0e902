/**
 * The database role admin SQL runs as, created by the migration `analyst_sql_role`. It reads the
 * tables of the analytics schema and nothing else; the refresh grants SELECT on each new table.
 */
export const ANALYST_ROLE = "lakeview_analyst";
