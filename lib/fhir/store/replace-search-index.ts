import type { FhirResource } from "fhir/r4";

import { extractIndexRows } from "../extract-index-rows";
import { copyText } from "./copy-text";
import { patientCompartmentsOf } from "../patient-compartments";
import type { SqlClient } from "../../db/sql-client";

interface ResourceKey {
  resourceType: string;
  id: string;
}

// One entry per index table: its columns besides resource_type and resource_id, with SQL types.
const indexTables = {
  search_token: { param: "text", system: "text", code: "text" },
  search_string: { param: "text", value: "text" },
  search_date: { param: "text", start: "timestamptz", end: "timestamptz" },
  search_reference: { param: "text", target_type: "text", target_id: "text", url: "text" },
  search_number: { param: "text", value: "numeric" },
  search_quantity: { param: "text", value: "numeric", system: "text", code: "text", unit: "text" },
  search_uri: { param: "text", value: "text" },
  resource_compartment: { compartment_type: "text", compartment_id: "text" },
} as const;

/**
 * `INSERT … SELECT` from one parameter per column, a JSON array of that column's values, zipped
 * into rows by `ROWS FROM`: one statement per table, whatever the row count. Column arrays need
 * no object per row in Node. JSON.stringify is native, while the pg driver builds a text[]
 * literal in JavaScript. In CPU profiles of the Synthea import, text[] parameters took about
 * 0.07 s more Node CPU and the same PostgreSQL CPU. The search tables have no unique key to
 * check, because IndexRowCollector and patientCompartmentsOf already drop a resource's duplicate
 * rows.
 */
function insertStatement(table: IndexTable): string {
  const columns = Object.entries(columnsOf(table));
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const casts = columns.map(([name, type]) => `"${name}"::${type}`).join(", ");
  const elements = columns.map((_, index) => `json_array_elements_text($${index + 1}::json)`).join(", ");
  return `INSERT INTO ${table} (${names}) SELECT ${casts} FROM ROWS FROM (${elements}) AS rows (${names})`;
}

function columnsOf(table: IndexTable): Record<string, string> {
  return { resource_type: "text", resource_id: "text", ...indexTables[table] };
}

/**
 * From this many resources on, PostgreSQL gets their rows through COPY, which costs its server
 * less than `INSERT … SELECT` but a round trip more per table.
 */
const copyThreshold = 100;

export type IndexTable = keyof typeof indexTables;
const tableNames = Object.keys(indexTables) as IndexTable[];
/** Column name → the values of that column, one per row. */
type IndexColumns = Record<string, (string | number)[]>;

/** One row of an index or compartment table, its values in the order of the table's columns. */
export interface IndexTableRow {
  table: IndexTable;
  values: (string | number)[];
}

/** Rows of a resource in COPY's text format, per table; a table without rows has no entry. */
export type IndexCopyText = Partial<Record<IndexTable, string>>;

/** The index rows of one resource, and their COPY text when it was computed ahead. */
export interface IndexedResource {
  rows: IndexTableRow[];
  copyText?: IndexCopyText;
}

/**
 * Replaces search index and compartment rows: rows of the `stale` keys (resources deleted or
 * changed) are deleted, then the rows of `current`, listed by listIndexRows, are inserted. A key
 * in `current` that may have rows already must be in `stale`. Runs inside the caller's
 * transaction, so the index always matches the stored versions.
 */
export async function replaceSearchIndex(sql: SqlClient, stale: ResourceKey[], current: IndexedResource[]): Promise<void> {
  if (stale.length > 0) {
    await deleteIndexRows(sql, stale);
  }

  if (sql.copyFrom && current.length >= copyThreshold) {
    await copyIndexRows(sql.copyFrom.bind(sql), current);
  } else {
    await insertIndexRows(sql, current.flatMap((resource) => resource.rows));
  }
}

async function insertIndexRows(sql: SqlClient, rows: IndexTableRow[]): Promise<void> {
  const records = {} as Record<IndexTable, IndexColumns>;
  for (const table of tableNames) {
    records[table] = Object.fromEntries(Object.keys(columnsOf(table)).map((name) => [name, []]));
  }
  // The column arrays of each table in column order, the order of the values listIndexRows lists.
  const ordered = Object.fromEntries(tableNames.map((table) => [table, Object.values(records[table])])) as Record<IndexTable, (string | number)[][]>;
  for (const { table, values } of rows) {
    const columns = ordered[table];
    for (let index = 0; index < values.length; index++) columns[index]?.push(values[index] ?? "");
  }

  for (const table of tableNames) {
    const columns = records[table];
    if ((columns.resource_id?.length ?? 0) === 0) continue;
    await sql.execute(insertStatement(table), Object.keys(columnsOf(table)).map((name) => JSON.stringify(columns[name] ?? [])));
  }
}

/** Copies each table's rows in one COPY, using the COPY text computed ahead where there is one. */
async function copyIndexRows(copyFrom: NonNullable<SqlClient["copyFrom"]>, current: IndexedResource[]): Promise<void> {
  const parts = Object.fromEntries(tableNames.map((table) => [table, [] as string[]])) as Record<IndexTable, string[]>;
  for (const resource of current) {
    const copyText = resource.copyText ?? toIndexCopyText(resource.rows);
    for (const table of tableNames) {
      const text = copyText[table];
      if (text !== undefined) parts[table].push(text);
    }
  }

  for (const table of tableNames) {
    if (parts[table].length === 0) continue;
    const names = Object.keys(columnsOf(table)).map((name) => `"${name}"`);
    await copyFrom(`COPY ${table} (${names.join(", ")}) FROM STDIN`, parts[table].join(""));
  }
}

/**
 * Formats index rows in COPY's text format, per table. The pieces of each table are joined once,
 * because a string per row would leave as much garbage again.
 */
export function toIndexCopyText(rows: IndexTableRow[]): IndexCopyText {
  const parts: Partial<Record<IndexTable, string[]>> = {};
  for (const { table, values } of rows) {
    const tableParts = (parts[table] ??= []);
    const last = values.length - 1;
    for (let index = 0; index <= last; index++) {
      const value = values[index] ?? "";
      tableParts.push(typeof value === "number" ? String(value) : copyText(value), index === last ? "\n" : "\t");
    }
  }

  const text: IndexCopyText = {};
  for (const table of tableNames) {
    const tableParts = parts[table];
    if (tableParts) text[table] = tableParts.join("");
  }
  return text;
}

/** Lists the search index and compartment rows of a resource. */
export function listIndexRows(resource: FhirResource): IndexTableRow[] {
  const type = resource.resourceType;
  const id = resource.id ?? "";
  const rows = extractIndexRows(resource);
  const listed: IndexTableRow[] = [];

  for (const row of rows.tokens) listed.push({ table: "search_token", values: [type, id, row.param, row.system, row.code] });
  for (const row of rows.strings) listed.push({ table: "search_string", values: [type, id, row.param, row.value] });
  for (const row of rows.dates) listed.push({ table: "search_date", values: [type, id, row.param, row.start.toISOString(), row.end.toISOString()] });
  for (const row of rows.references) listed.push({ table: "search_reference", values: [type, id, row.param, row.targetType, row.targetId, row.url] });
  for (const row of rows.numbers) listed.push({ table: "search_number", values: [type, id, row.param, row.value] });
  for (const row of rows.quantities) listed.push({ table: "search_quantity", values: [type, id, row.param, row.value, row.system, row.code, row.unit] });
  for (const row of rows.uris) listed.push({ table: "search_uri", values: [type, id, row.param, row.value] });
  for (const patientId of patientCompartmentsOf(resource, rows)) listed.push({ table: "resource_compartment", values: [type, id, "Patient", patientId] });
  return listed;
}

async function deleteIndexRows(sql: SqlClient, keys: ResourceKey[]): Promise<void> {
  const types = keys.map((key) => key.resourceType);
  const ids = keys.map((key) => key.id);
  for (const table of tableNames) {
    await sql.execute(`DELETE FROM ${table} WHERE (resource_type, resource_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [types, ids]);
  }
}
