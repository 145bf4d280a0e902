import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

import type { Database } from "../../db/database";
import { listMaterializedViews } from "../list-materialized-views";
import { ANALYTICS_SCHEMA } from "../refresh-analytics-views";
import { listAnalyticsTables } from "../sql/list-analytics-tables";
import { chooseExportPeriod } from "./choose-export-period";
import { readExportManifest, writeExportManifest, type ExportedView } from "./export-manifest";
import { writeViewParquet } from "./write-view-parquet";

export interface ExportOptions {
  /** The folder that receives one subfolder per view and `_manifest.json`. */
  outDir: string;
  /** Write every view, even those unchanged since the last export. */
  full?: boolean;
  /** The schema of the materialized tables; ANALYTICS_SCHEMA when absent. */
  schema?: string;
  onProgress?: (progress: ExportProgress) => void;
}

/** Progress of one view's export, in rows read. */
export interface ExportProgress {
  view: string;
  done: number;
  total: number;
}

/** The outcome of one view: written, or skipped because its table has not changed since the last export. */
export interface ViewExportResult {
  view: string;
  status: "written" | "unchanged";
  rows: number;
  files: number;
  bytes: number;
}

interface StateRow {
  view_name: string;
  definition_hash: string;
  watermark: Date | string | null;
  row_count: number;
}

/**
 * Writes every materialized analytics view as Parquet under `outDir/<view>/`, partitioned by
 * resource type and period. A view whose table has the same definition, watermark and row count
 * as at its last export is skipped, unless `full` is set. Each view is written to a temporary
 * folder and then renamed into place, and the manifest is saved after each view. So an export that
 * stops halfway leaves whole views only, and running it again goes on with the views not yet written.
 */
export async function exportAnalyticsViews(db: Database, options: ExportOptions): Promise<ViewExportResult[]> {
  const schema = options.schema ?? ANALYTICS_SCHEMA;
  await mkdir(options.outDir, { recursive: true });
  await removeLeftovers(options.outDir);

  const tables = new Map((await listAnalyticsTables(db.sql, schema)).map((table) => [table.name, table]));
  const states = new Map((await db.sql.query<StateRow>("SELECT view_name, definition_hash, watermark, row_count FROM analytics_view_state WHERE schema_name = $1", [schema])).map((state) => [state.view_name, state]));
  const manifest = await readExportManifest(options.outDir);

  const results: ViewExportResult[] = [];
  for (const view of await listMaterializedViews(db)) {
    const table = tables.get(view.name);
    const state = states.get(view.name);
    if (table === undefined || state === undefined) continue;

    const previous = manifest.views[view.name];
    const watermark = state.watermark === null ? null : new Date(state.watermark).toISOString();
    if (!options.full && previous !== undefined && isSameExport(previous, state, watermark)) {
      results.push({ view: view.name, status: "unchanged", rows: previous.rowCount, files: previous.files, bytes: previous.bytes });
      continue;
    }

    const period = chooseExportPeriod(table);
    const temporary = path.join(options.outDir, `.tmp-${view.name}-${process.pid}`);
    const written = await writeViewParquet(db, { schema, table, resourceType: view.view.resourceType, period }, temporary, (done, total) => options.onProgress?.({ view: view.name, done, total }));
    await replaceFolder(temporary, path.join(options.outDir, view.name));

    manifest.views[view.name] = {
      definitionHash: state.definition_hash,
      watermark,
      rowCount: written.rows,
      resourceType: view.view.resourceType,
      periodColumn: period.column,
      files: written.files,
      bytes: written.bytes,
      exportedAt: new Date().toISOString(),
    };
    await writeExportManifest(options.outDir, manifest);
    results.push({ view: view.name, status: "written", ...written });
  }
  return results;
}

function isSameExport(previous: ExportedView, state: StateRow, watermark: string | null): boolean {
  return previous.definitionHash === state.definition_hash && previous.watermark === watermark && previous.rowCount === state.row_count;
}

/**
 * Moves `source` to `target`, replacing what was there. Linux cannot rename a folder onto a
 * non-empty one, so the old folder is first renamed aside. Between the two renames the view's
 * folder is briefly missing, and a reader listing it then finds no files.
 */
async function replaceFolder(source: string, target: string): Promise<void> {
  const aside = `${path.join(path.dirname(target), `.old-${path.basename(target)}`)}-${process.pid}`;
  await rename(target, aside).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(source, target);
  await rm(aside, { recursive: true, force: true });
}

/** Removes the temporary folders of an export that stopped before renaming them. */
async function removeLeftovers(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { withFileTypes: true });
  const leftovers = entries.filter((entry) => entry.isDirectory() && /^\.(tmp|old)-/.test(entry.name));
  await Promise.all(leftovers.map((entry) => rm(path.join(outDir, entry.name), { recursive: true, force: true })));
}
