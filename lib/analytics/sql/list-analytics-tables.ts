import type { SqlClient } from "../../db/sql-client";

/** A table or view the SQL console can read, with its columns in order. */
export interface AnalyticsTable {
  name: string;
  columns: { name: string; type: string }[];
}

/** Lists the tables and views of `schema` with their columns and SQL types, by table name. */
export async function listAnalyticsTables(sql: SqlClient, schema: string): Promise<AnalyticsTable[]> {
  const rows = await sql.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS data_type
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p')
     ORDER BY c.relname, a.attnum`,
    [schema],
  );

  const tables = new Map<string, AnalyticsTable>();
  for (const row of rows) {
    const table = tables.get(row.table_name) ?? { name: row.table_name, columns: [] };
    table.columns.push({ name: row.column_name, type: row.data_type });
    tables.set(row.table_name, table);
  }
  return [...tables.values()];
}
