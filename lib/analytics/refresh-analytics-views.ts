import type { Database } from "../db/database";
import type { SqlClient } from "../db/sql-client";
import { FhirError } from "../fhir/fhir-error";
import { currentContentSql } from "../fhir/store/current-content-sql";
import { listMaterializedViews, type MaterializedView } from "./list-materialized-views";
import { ANALYST_ROLE } from "./sql/analyst-role";
import { createViewTableSql, quoteIdentifier, RESOURCE_ID_COLUMN, writeViewRows } from "./write-view-rows";

/** The PostgreSQL schema of the materialized views unless a caller names another. */
export const ANALYTICS_SCHEMA = "analytics";

/** The column the portal's views name the member by, and the chart queries filter on. */
const PATIENT_COLUMN = "patient_id";

/** Resources read and written per statement and per incremental transaction. */
const BATCH_SIZE = 500;

/**
 * How far before the watermark an incremental refresh looks again. A write stamps last_updated
 * before it commits, so a transaction that commits late can land behind the watermark. Rows are
 * replaced per resource, so looking at a resource again is harmless.
 * NOTE: a write whose transaction takes longer than this to commit is missed until the next full refresh.
 */
const WATERMARK_OVERLAP_MS = 60_000;

export interface RefreshOptions {
  /** Rebuild every table from scratch instead of applying the changes since the watermark. */
  full?: boolean;
  /** The schema of the tables; ANALYTICS_SCHEMA when absent. */
  schema?: string;
  onProgress?: (progress: RefreshProgress) => void;
  /** How far before the watermark an incremental refresh looks again; WATERMARK_OVERLAP_MS when absent. */
  watermarkOverlapMs?: number;
}

/** Progress of one view's refresh, in resources. */
export interface RefreshProgress {
  view: string;
  mode: "full" | "incremental";
  done: number;
  total: number;
}

/** The outcome of refreshing one view's table. */
export interface ViewRefreshResult {
  view: string;
  mode: "full" | "incremental";
  /** Resources evaluated: every current one for a full rebuild, the changed ones otherwise. */
  resources: number;
  rowCount: number;
}

interface StateRow {
  view_name: string;
  schema_name: string;
  table_name: string;
  definition_hash: string;
  watermark: Date | string | null;
  row_count: number;
}

/**
 * Materializes every built-in and stored ViewDefinition into its table in the analytics schema.
 * A view is rebuilt when asked, when it is new, or when its definition or schema changed.
 * Otherwise only the resources changed since its watermark have their rows replaced. Tables of
 * views that no longer exist are dropped. Safe to run again: each step replaces rows per resource.
 */
export async function refreshAnalyticsViews(db: Database, options: RefreshOptions = {}): Promise<ViewRefreshResult[]> {
  const schema = options.schema ?? ANALYTICS_SCHEMA;
  assertSchemaName(schema);
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  await grantSchemaToAnalyst(db.sql, schema);

  const views = await listMaterializedViews(db);
  const states = new Map((await db.sql.query<StateRow>("SELECT * FROM analytics_view_state")).map((state) => [state.view_name, state]));

  const results: ViewRefreshResult[] = [];
  for (const view of views) {
    const state = states.get(view.name);
    const current = state !== undefined && !options.full && state.definition_hash === view.definitionHash && state.schema_name === schema && state.watermark !== null && (await tableExists(db.sql, schema, view.name));
    if (state !== undefined && state.schema_name !== schema) {
      // The view moves to another schema, so its table in the old one would go stale.
      await db.sql.execute(`DROP TABLE IF EXISTS ${quoteIdentifier(state.schema_name)}.${quoteIdentifier(state.table_name)}`);
    }
    results.push(current ? await updateView(db, schema, view, state, options) : await rebuildView(db, schema, view, options));
  }
  await dropRemovedViews(db, views, [...states.values()]);
  return results;
}

function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new FhirError("invalid", `Analytics schema "${schema}" is not a plain PostgreSQL name; use up to 63 lower-case letters, digits and _.`);
  }
}

/**
 * Lets the admin SQL console's role look up the schema's tables. Granting only when missing keeps
 * concurrent refreshes from racing on the same catalog row.
 */
async function grantSchemaToAnalyst(sql: SqlClient, schema: string): Promise<void> {
  const [row] = await sql.query<{ granted: boolean }>("SELECT has_schema_privilege($1, $2, 'USAGE') AS granted", [ANALYST_ROLE, schema]);
  if (!row?.granted) await sql.execute(`GRANT USAGE ON SCHEMA ${quoteIdentifier(schema)} TO ${ANALYST_ROLE}`);
}

async function tableExists(sql: SqlClient, schema: string, table: string): Promise<boolean> {
  const [row] = await sql.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`${quoteIdentifier(schema)}.${quoteIdentifier(table)}`]);
  return row?.found !== null && row?.found !== undefined;
}

/** Reads the next batch of a full rebuild: current resources of type $1 with ids after $2. */
export const FULL_REBUILD_BATCH_SQL = `SELECT r.id, ${currentContentSql("r")} AS content FROM resource r
  WHERE r.resource_type = $1 AND NOT r.deleted AND r.id > $2 ORDER BY r.id LIMIT ${BATCH_SIZE}`;

/** Rebuilds one view's table in one transaction, so readers see the old table until the new one is complete. */
async function rebuildView(db: Database, schema: string, view: MaterializedView, options: RefreshOptions): Promise<ViewRefreshResult> {
  const table = `${quoteIdentifier(schema)}.${quoteIdentifier(view.name)}`;
  const resourceType = view.view.resourceType;
  const [bounds] = await db.sql.query<{ watermark: Date | string | null; total: string | number }>(
    "SELECT max(last_updated) AS watermark, count(*) FILTER (WHERE NOT deleted) AS total FROM resource WHERE resource_type = $1",
    [resourceType],
  );
  const total = Number(bounds?.total ?? 0);

  return db.transaction(async (sql) => {
    await lockView(sql, view);
    await sql.execute(`DROP TABLE IF EXISTS ${table}`);
    await sql.execute(createViewTableSql(table, view.view));
    await sql.execute(`GRANT SELECT ON ${table} TO ${ANALYST_ROLE}`);

    let done = 0;
    let rowCount = 0;
    for (let afterId = ""; ; ) {
      const batch = await sql.query<{ id: string; content: unknown }>(
        FULL_REBUILD_BATCH_SQL,
        [resourceType, afterId],
      );
      rowCount += await writeViewRows(sql, table, view.view, batch);
      done += batch.length;
      options.onProgress?.({ view: view.name, mode: "full", done, total: Math.max(total, done) });
      if (batch.length < BATCH_SIZE) break;
      afterId = batch[batch.length - 1]?.id ?? afterId;
    }

    // Built after the rows: one sort at the end costs less than keeping the indexes current row by row.
    await createViewIndexes(sql, table, view);
    // Readers get statistics at once. Without them a chart may read a large table whole until
    // autovacuum analyzes it, which never happens on a server where autovacuum is off.
    await sql.execute(`ANALYZE ${table}`);
    await saveState(sql, schema, view, bounds?.watermark ?? new Date(0), rowCount);
    return { view: view.name, mode: "full", resources: done, rowCount };
  });
}

/** Replaces the rows of the resources changed since the watermark, one transaction per batch. */
async function updateView(db: Database, schema: string, view: MaterializedView, state: StateRow, options: RefreshOptions): Promise<ViewRefreshResult> {
  const table = `${quoteIdentifier(schema)}.${quoteIdentifier(view.name)}`;
  const since = new Date(new Date(state.watermark ?? 0).getTime() - (options.watermarkOverlapMs ?? WATERMARK_OVERLAP_MS));
  const changed = await db.sql.query<{ id: string; last_updated: Date | string }>(
    "SELECT id, last_updated FROM resource WHERE resource_type = $1 AND last_updated > $2 ORDER BY last_updated, id",
    [view.view.resourceType, since.toISOString()],
  );

  // Tables built before the patient index existed get it here. For the others both statements find
  // their index and do nothing.
  await createViewIndexes(db.sql, table, view);
  let rowCount = state.row_count;
  for (let start = 0; start < changed.length; start += BATCH_SIZE) {
    const ids = changed.slice(start, start + BATCH_SIZE).map((row) => row.id);
    rowCount += await db.transaction(async (sql) => {
      await lockView(sql, view);
      const removed = await sql.execute(`DELETE FROM ${table} WHERE ${RESOURCE_ID_COLUMN} = ANY($1::text[])`, [ids]);
      const current = await sql.query<{ id: string; content: unknown }>(
        `SELECT r.id, ${currentContentSql("r")} AS content FROM resource r
         WHERE r.resource_type = $1 AND r.id = ANY($2::text[]) AND NOT r.deleted`,
        [view.view.resourceType, ids],
      );
      return (await writeViewRows(sql, table, view.view, current)) - removed;
    });
    options.onProgress?.({ view: view.name, mode: "incremental", done: Math.min(start + BATCH_SIZE, changed.length), total: changed.length });
  }
  if (changed.length === 0) options.onProgress?.({ view: view.name, mode: "incremental", done: 0, total: 0 });

  const latest = changed.reduce((max, row) => Math.max(max, new Date(row.last_updated).getTime()), new Date(state.watermark ?? 0).getTime());
  await saveState(db.sql, schema, view, new Date(latest), rowCount);
  return { view: view.name, mode: "incremental", resources: changed.length, rowCount };
}

/**
 * Indexes a view's table by resource id, which the incremental refresh deletes by. Where the view
 * has a `patient_id` column it is indexed too, because member and panel charts select by patient
 * and would otherwise read every member's rows.
 */
async function createViewIndexes(sql: SqlClient, table: string, view: MaterializedView): Promise<void> {
  await sql.execute(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${view.name}_resource_idx`)} ON ${table} (${RESOURCE_ID_COLUMN})`);
  if (view.view.columns.some((column) => column.name === PATIENT_COLUMN)) {
    await sql.execute(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${view.name}_patient_idx`)} ON ${table} (${PATIENT_COLUMN})`);
  }
}

/**
 * Takes a lock on the view until the transaction ends. Without it, two refreshes running at once
 * could each delete a resource's old rows and then both insert its new ones.
 */
async function lockView(sql: SqlClient, view: MaterializedView): Promise<void> {
  await sql.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`lakeview-analytics:${view.name}`]);
}

async function saveState(sql: SqlClient, schema: string, view: MaterializedView, watermark: Date | string, rowCount: number): Promise<void> {
  await sql.execute(
    `INSERT INTO analytics_view_state (view_name, schema_name, table_name, definition_hash, watermark, row_count, refreshed_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (view_name) DO UPDATE SET schema_name = EXCLUDED.schema_name, table_name = EXCLUDED.table_name,
       definition_hash = EXCLUDED.definition_hash, watermark = EXCLUDED.watermark, row_count = EXCLUDED.row_count, refreshed_at = EXCLUDED.refreshed_at`,
    [view.name, schema, view.name, view.definitionHash, new Date(watermark).toISOString(), rowCount],
  );
}

/** Drops the tables of stored ViewDefinitions that were deleted, with their state. */
async function dropRemovedViews(db: Database, views: MaterializedView[], states: StateRow[]): Promise<void> {
  const names = new Set(views.map((view) => view.name));
  for (const state of states.filter((candidate) => !names.has(candidate.view_name))) {
    await db.transaction(async (sql) => {
      await sql.execute(`DROP TABLE IF EXISTS ${quoteIdentifier(state.schema_name)}.${quoteIdentifier(state.table_name)}`);
      await sql.execute("DELETE FROM analytics_view_state WHERE view_name = $1", [state.view_name]);
    });
  }
}
