import path from "node:path";

import { defaultDataDir } from "../../db/database";

/**
 * Returns the folder bulk export files go to: LAKEVIEW_EXPORT_DIR when set, otherwise a sibling of
 * the PGlite data folder (LAKEVIEW_DATA_DIR, default `.data/pglite`) named after it with
 * `-exports`, so `.data/pglite-exports`. Each data folder thus gets its own export folder.
 */
export function resolveExportDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LAKEVIEW_EXPORT_DIR) return path.resolve(env.LAKEVIEW_EXPORT_DIR);
  return `${path.resolve(env.LAKEVIEW_DATA_DIR ?? defaultDataDir)}-exports`;
}

/** Returns the folder of one job's files. The id is a UUID the server made, so it is safe in a path. */
export function jobExportDir(exportDir: string, jobId: string): string {
  return path.join(exportDir, jobId);
}
