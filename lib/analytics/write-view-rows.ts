import type { SqlClient } from "../db/sql-client";
import { FhirError } from "../fhir/fhir-error";
import type { CompiledView } from "./compile-view-definition";
import { toSqlType, toSqlValue } from "./sql-column";

/** PostgreSQL takes at most 65,535 parameters per statement; stay below it. */
const MAX_PARAMETERS = 60_000;

/** Quotes a PostgreSQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The column that ties each row to the resource it came from, so a changed resource's rows can be replaced. */
export const RESOURCE_ID_COLUMN = "_resource_id";

/** Returns the DDL of a view's table: the resource id column, then one typed column per view column. */
export function createViewTableSql(table: string, view: CompiledView): string {
  const columns = [`${RESOURCE_ID_COLUMN} text NOT NULL`, ...view.columns.map((column) => `${quoteIdentifier(column.name)} ${toSqlType(column)}`)];
  return `CREATE TABLE ${table} (${columns.join(", ")})`;
}

/**
 * Evaluates the view on each resource and inserts the rows, in statements of as many rows as the
 * parameter limit allows. Returns the number of rows inserted.
 */
export async function writeViewRows(sql: SqlClient, table: string, view: CompiledView, resources: { id: string; content: unknown }[]): Promise<number> {
  const rows = resources.flatMap((resource) => evaluateOrThrow(view, resource).map((row) => [resource.id, ...view.columns.map((column) => toSqlValue(row[column.name], column))]));
  const width = view.columns.length + 1;
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  const columnList = [RESOURCE_ID_COLUMN, ...view.columns.map((column) => quoteIdentifier(column.name))].join(", ");
  const casts = ["text", ...view.columns.map(toSqlType)];

  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const values = chunk.flat();
    const tuples = chunk.map((_row, rowIndex) => `(${casts.map((cast, columnIndex) => `$${rowIndex * width + columnIndex + 1}::${cast}`).join(", ")})`);
    await sql.execute(`INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(", ")}`, values);
  }
  return rows.length;
}

function evaluateOrThrow(view: CompiledView, resource: { id: string; content: unknown }): ReturnType<CompiledView["evaluate"]> {
  try {
    return view.evaluate(resource.content);
  } catch (error) {
    if (!(error instanceof FhirError)) throw error;
    throw new FhirError(error.code, `View "${view.definition.name ?? view.resourceType}" failed on ${view.resourceType}/${resource.id}: ${error.message}`);
  }
}
