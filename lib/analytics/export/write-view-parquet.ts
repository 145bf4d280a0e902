import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";

import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

import type { Database } from "../../db/database";
import type { SqlClient } from "../../db/sql-client";
import { FhirError } from "../../fhir/fhir-error";
import type { AnalyticsTable } from "../sql/list-analytics-tables";
import { quoteIdentifier } from "../write-view-rows";
import type { ExportPeriod } from "./choose-export-period";

/** Rows read from the database per statement. */
const BATCH_ROWS = 10_000;

/** The Hive partition columns, in folder order. */
const PARTITION_COLUMNS = ["resource_type", "period"];

/** A table to export and how to partition it. */
export interface ParquetExportSource {
  schema: string;
  table: AnalyticsTable;
  resourceType: string;
  period: ExportPeriod;
}

/** The rows, files and bytes of one view's export. */
export interface ParquetExportResult {
  rows: number;
  files: number;
  bytes: number;
}

/**
 * Writes one analytics table as Parquet files under `targetDir`, in Hive-style partitions
 * `resource_type=<type>/period=<YYYY or YYYY-MM or unknown>/part-<n>.parquet`. The partition values
 * live in the folder names, not in the files, as Hive, Trino, Spark and Athena expect. The rows
 * are read in one REPEATABLE READ transaction, so a refresh running at the same time does not
 * split the export between two states. They are staged in an in-memory DuckDB database, which
 * writes the files.
 * NOTE: numeric columns become DECIMAL(38,10), so a value with more than 10 decimal places is
 * rounded. The built-in views hold USD amounts with 2.
 */
export async function writeViewParquet(db: Database, source: ParquetExportSource, targetDir: string, onRows?: (done: number, total: number) => void): Promise<ParquetExportResult> {
  assertNoPartitionColumn(source.table);
  await mkdir(targetDir, { recursive: true });
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();

  try {
    const columns = source.table.columns;
    await duck.run(`CREATE TABLE staging (${[...columns.map((column) => `${quoteIdentifier(column.name)} VARCHAR`), "period VARCHAR"].join(", ")})`);
    const rows = await db.transaction(async (sql) => {
      await sql.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      return copyRowsToDuckDb(sql, source, duck, onRows);
    });

    const casts = columns.map((column) => `CAST(${quoteIdentifier(column.name)} AS ${toDuckDbType(column.type)}) AS ${quoteIdentifier(column.name)}`);
    await duck.run(
      `COPY (SELECT ${[...casts, `${toSqlString(source.resourceType)} AS resource_type`, "period"].join(", ")} FROM staging)
       TO ${toSqlString(targetDir)} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (${PARTITION_COLUMNS.join(", ")}), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE true)`,
    );
    const { files, bytes } = await measureFiles(targetDir);
    return { rows, files, bytes };
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
}

function assertNoPartitionColumn(table: AnalyticsTable): void {
  const clash = table.columns.find((column) => PARTITION_COLUMNS.includes(column.name));
  if (clash !== undefined) {
    throw new FhirError("invalid", `View "${table.name}" has a column named "${clash.name}", which the export uses as a partition folder; rename the column in the ViewDefinition.`);
  }
}

/** Reads the table in batches of whole resources and appends the rows, as text, to DuckDB's staging table. */
async function copyRowsToDuckDb(sql: SqlClient, source: ParquetExportSource, duck: DuckDBConnection, onRows?: (done: number, total: number) => void): Promise<number> {
  const table = `${quoteIdentifier(source.schema)}.${quoteIdentifier(source.table.name)}`;
  const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${table}`);
  const total = count?.total ?? 0;
  const select = `SELECT ${[...source.table.columns.map(toTextSql), `${toPeriodSql(source.period, source.table)} AS period`].join(", ")} FROM ${table}`;
  const appender = await duck.createAppender("staging");

  let done = 0;
  for (let afterId = ""; ; ) {
    // A resource's rows stay in one batch: the batch ends at the resource id BATCH_ROWS rows on.
    const [upper] = await sql.query<{ id: string }>(`SELECT _resource_id AS id FROM ${table} WHERE _resource_id > $1 ORDER BY _resource_id OFFSET ${BATCH_ROWS - 1} LIMIT 1`, [afterId]);
    const batch = await sql.query<Record<string, string | null>>(
      `${select} WHERE _resource_id > $1 AND ($2::text IS NULL OR _resource_id <= $2) ORDER BY _resource_id`,
      [afterId, upper?.id ?? null],
    );
    for (const row of batch) {
      for (const value of Object.values(row)) {
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    done += batch.length;
    onRows?.(done, Math.max(total, done));
    if (upper === undefined) break;
    afterId = upper.id;
  }

  appender.flushSync();
  appender.closeSync();
  return done;
}

/**
 * Returns a column as text that DuckDB casts back without loss: ISO 8601 for dates and times,
 * true/false for booleans, all digits for numbers, and the JSON text of jsonb values.
 */
function toTextSql(column: { name: string; type: string }): string {
  const name = quoteIdentifier(column.name);
  return column.type === "jsonb" || column.type === "json" ? `${name}::text AS ${name}` : `to_json(${name}) #>> '{}' AS ${name}`;
}

/** The period of a row as text, in UTC for timestamps, or "unknown" when the date is NULL. */
function toPeriodSql(period: ExportPeriod, table: AnalyticsTable): string {
  if (period.column === null) return "'unknown'";

  const pattern = period.granularity === "month" ? "YYYY-MM" : "YYYY";
  const column = table.columns.find((candidate) => candidate.name === period.column);
  const value = column?.type === "timestamp with time zone" ? `(${quoteIdentifier(period.column)} AT TIME ZONE 'UTC')` : quoteIdentifier(period.column);
  return `coalesce(to_char(${value}, '${pattern}'), 'unknown')`;
}

/** The DuckDB (and so Parquet) type of a PostgreSQL column type as format_type() writes it. */
function toDuckDbType(postgresType: string): string {
  switch (postgresType) {
    case "boolean":
      return "BOOLEAN";
    case "integer":
      return "INTEGER";
    case "bigint":
      return "BIGINT";
    case "numeric":
      return "DECIMAL(38, 10)";
    case "date":
      return "DATE";
    case "timestamp with time zone":
      return "TIMESTAMPTZ";
    case "timestamp without time zone":
      return "TIMESTAMP";
    case "time without time zone":
      return "TIME";
    default:
      return "VARCHAR";
  }
}

function toSqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

async function measureFiles(folder: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith(".parquet"));
  const sizes = await Promise.all(files.map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size));
  return { files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}
