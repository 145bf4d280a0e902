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
 * into rows by `ROWS FROM`, with parameters numbered from `first`: one clause per table, whatever
 * the row count. Column arrays need no object per row in Node. JSON.stringify is native, while
 * the pg driver builds a text[] literal in JavaScript. In CPU profiles of the Synthea import,
 * text[] parameters took about 0.07 s more Node CPU and the same PostgreSQL CPU. The search
 * tables have no unique key to check, because IndexRowCollector and patientCompartmentsOf
 * already drop a resource's duplicate rows.
 */
function insertStatement(table: IndexTable, first: number): string {
  const columns = Object.entries(columnsOf(table));
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const casts = columns.map(([name, type]) => `"${name}"::${type}`).join(", ");
  const elements = columns.map((_, index) => `json_array_elements_text($${first + index}::json)`).join(", ");
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
/** The index and compartment tables, in the order their COPY text is listed. */
export const indexTableNames = Object.keys(indexTables) as IndexTable[];
/** Column name → the values of that column, one per row. */
type IndexColumns = Record<string, (string | number)[]>;

/** One row of an index or compartment table, its values in the order of the table's columns. */
export interface IndexTableRow {
  table: IndexTable;
  values: (string | number)[];
}

/**
 * Rows of a resource in COPY's text format, per table. Each is a string, or its UTF-8 bytes when
 * the import's worker thread formatted it. A table without rows has no entry.
 */
export type IndexCopyText = Partial<Record<IndexTable, string | Uint8Array>>;

/**
 * A resource to index, with its rows or their COPY text when they were computed ahead. What is
 * missing is computed from `resource` when needed.
 */
export interface IndexedResource {
  /** The resource as written, before the store sets meta.versionId and meta.lastUpdated. */
  resource: FhirResource;
  rows?: IndexTableRow[];
  copyText?: IndexCopyText;
}

/**
 * Replaces search index and compartment rows: rows of the `stale` keys (resources deleted or
 * changed) are deleted, then the rows of `current`, listed by listIndexRows, are inserted. A key
 * in `current` that may have rows already must be in `stale`. Runs inside the caller's
 * transaction, so the index always matches the stored versions.
 */
export async function replaceSearchIndex(sql: SqlClient, stale: ResourceKey[], current: IndexedResource[]): Promise<void> {
  await deleteIndexRows(sql, stale);
  if (sql.copyFrom && current.length >= copyThreshold) {
    await copyIndexRows(sql.copyFrom.bind(sql), current);
  } else {
    await runClauses(sql, indexInsertClauses(current, 1));
  }
}

/** Data-modifying clauses of a `WITH` and the parameters they take, numbered from the first one given. */
export interface SqlClauses {
  clauses: string[];
  values: unknown[];
}

/** Deletes the index and compartment rows of `stale` resources, from every table in one statement. */
export async function deleteIndexRows(sql: SqlClient, stale: ResourceKey[]): Promise<void> {
  if (stale.length === 0) return;
  const clauses = indexTableNames.map((table) => `deleted_${table} AS (DELETE FROM ${table} WHERE (resource_type, resource_id) IN (SELECT * FROM unnest($1::text[], $2::text[])))`);
  await runClauses(sql, { clauses, values: [stale.map((key) => key.resourceType), stale.map((key) => key.id)] });
}

/**
 * Builds the `WITH` clauses that insert the index rows of `current`, so that a small write fills
 * every index table in the one statement that also saves its versions. Deleting old rows in the
 * same statement would not do: the clauses of one statement run in no set order, and the
 * compartment table's primary key would meet the old row.
 */
export function indexInsertClauses(current: IndexedResource[], first: number): SqlClauses {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const records = columnArraysOf(current.flatMap((indexed) => indexed.rows ?? listIndexRows(indexed.resource)));
  for (const table of indexTableNames) {
    const columns = records[table];
    if ((columns.resource_id?.length ?? 0) === 0) continue;
    clauses.push(`inserted_${table} AS (${insertStatement(table, first + values.length)})`);
    for (const name of Object.keys(columnsOf(table))) values.push(JSON.stringify(columns[name] ?? []));
  }
  return { clauses, values };
}

async function runClauses(sql: SqlClient, { clauses, values }: SqlClauses): Promise<void> {
  if (clauses.length > 0) await sql.execute(`WITH ${clauses.join(",\n")}\nSELECT 1`, values);
}

/** Gathers the rows of each table into one array per column. */
function columnArraysOf(rows: IndexTableRow[]): Record<IndexTable, IndexColumns> {
  const records = {} as Record<IndexTable, IndexColumns>;
  for (const table of indexTableNames) {
    records[table] = Object.fromEntries(Object.keys(columnsOf(table)).map((name) => [name, []]));
  }
  // The column arrays of each table in column order, the order of the values listIndexRows lists.
  const ordered = Object.fromEntries(indexTableNames.map((table) => [table, Object.values(records[table])])) as Record<IndexTable, (string | number)[][]>;
  for (const { table, values } of rows) {
    const columns = ordered[table];
    for (let index = 0; index < values.length; index++) columns[index]?.push(values[index] ?? "");
  }
  return records;
}

/** Copies each table's rows in one COPY, using the COPY text computed ahead where there is one. */
async function copyIndexRows(copyFrom: NonNullable<SqlClient["copyFrom"]>, current: IndexedResource[]): Promise<void> {
  const parts = Object.fromEntries(indexTableNames.map((table) => [table, [] as (string | Uint8Array)[]])) as Record<IndexTable, (string | Uint8Array)[]>;
  for (const indexed of current) {
    const copyText = indexed.copyText ?? indexCopyTextOf(indexed.resource);
    for (const table of indexTableNames) {
      const text = copyText[table];
      if (text !== undefined) parts[table].push(text);
    }
  }

  for (const table of indexTableNames) {
    if (parts[table].length === 0) continue;
    const names = Object.keys(columnsOf(table)).map((name) => `"${name}"`);
    await copyFrom(`COPY ${table} (${names.join(", ")}) FROM STDIN`, joinCopyParts(parts[table]));
  }
}

/** Joins COPY text parts: strings into one string, and any mix with bytes into one buffer. */
function joinCopyParts(parts: (string | Uint8Array)[]): string | Uint8Array {
  if (parts.every((part) => typeof part === "string")) return parts.join("");
  return Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : part)));
}

/**
 * Formats the search index and compartment rows of a resource in COPY's text format, per table:
 * the rows listIndexRows lists, in the same order, without an object per row in between.
 */
export function indexCopyTextOf(resource: FhirResource): IndexCopyText {
  const prefix = `${copyText(resource.resourceType)}\t${copyText(resource.id ?? "")}\t`;
  const rows = extractIndexRows(resource);
  const text: IndexCopyText = {};
  let lines = "";

  for (const row of rows.tokens) lines += `${prefix}${copyText(row.param)}\t${copyText(row.system)}\t${copyText(row.code)}\n`;
  if (lines !== "") text.search_token = lines;
  lines = "";
  for (const row of rows.strings) lines += `${prefix}${copyText(row.param)}\t${copyText(row.value)}\n`;
  if (lines !== "") text.search_string = lines;
  lines = "";
  for (const row of rows.dates) lines += `${prefix}${copyText(row.param)}\t${row.start.toISOString()}\t${row.end.toISOString()}\n`;
  if (lines !== "") text.search_date = lines;
  lines = "";
  for (const row of rows.references) lines += `${prefix}${copyText(row.param)}\t${copyText(row.targetType)}\t${copyText(row.targetId)}\t${copyText(row.url)}\n`;
  if (lines !== "") text.search_reference = lines;
  lines = "";
  for (const row of rows.numbers) lines += `${prefix}${copyText(row.param)}\t${String(row.value)}\n`;
  if (lines !== "") text.search_number = lines;
  lines = "";
  for (const row of rows.quantities) {
    lines += `${prefix}${copyText(row.param)}\t${String(row.value)}\t${copyText(row.system)}\t${copyText(row.code)}\t${copyText(row.unit)}\n`;
  }
  if (lines !== "") text.search_quantity = lines;
  lines = "";
  for (const row of rows.uris) lines += `${prefix}${copyText(row.param)}\t${copyText(row.value)}\n`;
  if (lines !== "") text.search_uri = lines;
  lines = "";
  for (const patientId of patientCompartmentsOf(resource, rows)) lines += `${prefix}Patient\t${copyText(patientId)}\n`;
  if (lines !== "") text.resource_compartment = lines;
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
