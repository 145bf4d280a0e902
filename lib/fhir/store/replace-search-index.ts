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
 * From this many rows of a table on, PostgreSQL gets them through COPY, which costs its server
 * less than `INSERT … SELECT` but a round trip more.
 */
const copyThreshold = 100;

type IndexTable = keyof typeof indexTables;
/** Column name → the values of that column, one per row. */
type IndexColumns = Record<string, (string | number)[]>;

/**
 * Replaces search index and compartment rows: rows of the `stale` keys (resources deleted or
 * changed) are deleted, then rows computed from `current` are inserted. A key in `current` that
 * may have rows already must be in `stale`. Runs inside the caller's transaction, so the index
 * always matches the stored versions.
 */
export async function replaceSearchIndex(
  sql: SqlClient,
  stale: ResourceKey[],
  current: FhirResource[],
): Promise<void> {
  if (stale.length > 0) {
    await deleteIndexRows(sql, stale);
  }

  const records = collectIndexRecords(current);
  for (const table of Object.keys(indexTables) as IndexTable[]) {
    const columns = records[table];
    const rowCount = columns.resource_id?.length ?? 0;
    if (rowCount === 0) continue;

    const names = Object.keys(columnsOf(table));
    if (sql.copyFrom && rowCount >= copyThreshold) {
      await sql.copyFrom(`COPY ${table} (${names.map((name) => `"${name}"`).join(", ")}) FROM STDIN`, toCopyRows(names.map((name) => columns[name] ?? []), rowCount));
    } else {
      await sql.execute(insertStatement(table), names.map((name) => JSON.stringify(columns[name] ?? [])));
    }
  }
}

/** Joins column arrays into rows of COPY's text format. */
function toCopyRows(columns: (string | number)[][], rowCount: number): string {
  const lines: string[] = new Array<string>(rowCount);
  for (let row = 0; row < rowCount; row++) {
    let line = "";
    for (let column = 0; column < columns.length; column++) {
      const value = columns[column]?.[row] ?? "";
      line += (column === 0 ? "" : "\t") + (typeof value === "number" ? String(value) : copyText(value));
    }
    lines[row] = line;
  }
  return `${lines.join("\n")}\n`;
}

async function deleteIndexRows(sql: SqlClient, keys: ResourceKey[]): Promise<void> {
  const types = keys.map((key) => key.resourceType);
  const ids = keys.map((key) => key.id);
  for (const table of Object.keys(indexTables) as IndexTable[]) {
    await sql.execute(`DELETE FROM ${table} WHERE (resource_type, resource_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [types, ids]);
  }
}

function collectIndexRecords(resources: FhirResource[]): Record<IndexTable, IndexColumns> {
  const records = {} as Record<IndexTable, IndexColumns>;
  for (const table of Object.keys(indexTables) as IndexTable[]) {
    records[table] = Object.fromEntries(Object.keys(columnsOf(table)).map((name) => [name, []]));
  }
  const add = (table: IndexTable, resource: FhirResource, values: Record<string, string | number>): void => {
    const columns = records[table];
    columns.resource_type?.push(resource.resourceType);
    columns.resource_id?.push(resource.id ?? "");
    for (const name in values) columns[name]?.push(values[name] ?? "");
  };

  for (const resource of resources) {
    const rows = extractIndexRows(resource);

    for (const row of rows.tokens) add("search_token", resource, { param: row.param, system: row.system, code: row.code });
    for (const row of rows.strings) add("search_string", resource, { param: row.param, value: row.value });
    for (const row of rows.dates) add("search_date", resource, { param: row.param, start: row.start.toISOString(), end: row.end.toISOString() });
    for (const row of rows.references) {
      add("search_reference", resource, { param: row.param, target_type: row.targetType, target_id: row.targetId, url: row.url });
    }
    for (const row of rows.numbers) add("search_number", resource, { param: row.param, value: row.value });
    for (const row of rows.quantities) add("search_quantity", resource, { param: row.param, value: row.value, system: row.system, code: row.code, unit: row.unit });
    for (const row of rows.uris) add("search_uri", resource, { param: row.param, value: row.value });
    for (const patientId of patientCompartmentsOf(resource, rows)) {
      add("resource_compartment", resource, { compartment_type: "Patient", compartment_id: patientId });
    }
  }
  return records;
}
