import type { AccessScope } from "../search/access-scope";

/** The level an export was started at: `/$export`, `/Patient/$export` or `/Group/[id]/$export`. */
export type ExportLevel = "system" | "patient" | "group";

/** One NDJSON file of a finished type, as the job row records it. */
export interface ExportFile {
  type: string;
  /** The file name inside the job's folder, such as "Observation-2.ndjson". */
  file: string;
  /** The number of resources in the file. */
  count: number;
}

/** A bulk export job as the bulk_export_job table stores it. */
export interface BulkExportJob {
  id: string;
  owner: string;
  scope: AccessScope;
  level: ExportLevel;
  groupId?: string;
  /** The types to export, in order; the job finishes them one by one. */
  types: string[];
  since?: Date;
  requestUrl: string;
  transactionTime: Date;
  status: "in-progress" | "completed" | "failed";
  /** How many of `types` are finished; a resumed job starts at the next one. */
  doneTypes: number;
  output: ExportFile[];
  error?: string;
}

/** The columns of bulk_export_job as the drivers return them. */
export interface BulkExportJobRow {
  id: string;
  owner: string;
  scope: AccessScope;
  level: ExportLevel;
  group_id: string | null;
  types: string[];
  since: Date | string | null;
  request_url: string;
  transaction_time: Date | string;
  status: BulkExportJob["status"];
  done_types: number;
  output: ExportFile[];
  error: string | null;
}

/** Maps a bulk_export_job row to a BulkExportJob. */
export function toBulkExportJob(row: BulkExportJobRow): BulkExportJob {
  return {
    id: row.id,
    owner: row.owner,
    scope: row.scope,
    level: row.level,
    ...(row.group_id === null ? {} : { groupId: row.group_id }),
    types: row.types,
    ...(row.since === null ? {} : { since: new Date(row.since) }),
    requestUrl: row.request_url,
    transactionTime: new Date(row.transaction_time),
    status: row.status,
    doneTypes: row.done_types,
    output: row.output,
    ...(row.error === null ? {} : { error: row.error }),
  };
}
