import type { Database } from "../../db/database";
import { ANALYTICS_SCHEMA } from "../refresh-analytics-views";

/**
 * Tells whether every named view has been materialized into the schema at least once. Before the
 * first refresh there are no tables to read, and the charts show an empty state that tells the reader so.
 */
export async function hasBuiltViews(db: Database, views: readonly string[], schema: string = ANALYTICS_SCHEMA): Promise<boolean> {
  const rows = await db.sql.query<{ view_name: string; found: string | null }>(
    `SELECT view_name, to_regclass(quote_ident(schema_name) || '.' || quote_ident(table_name))::text AS found
     FROM analytics_view_state WHERE view_name = ANY($1::text[]) AND schema_name = $2 AND watermark IS NOT NULL`,
    [[...views], schema],
  );
  const built = new Set(rows.filter((row) => row.found !== null).map((row) => row.view_name));
  return views.every((view) => built.has(view));
}
