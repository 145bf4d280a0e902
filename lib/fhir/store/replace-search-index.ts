import type { FhirResource } from "fhir/r4";

import { extractIndexRows } from "../extract-index-rows";
import { patientCompartmentsOf } from "../patient-compartments";
import type { SqlClient } from "./sql-client";

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

/** `INSERT … SELECT` from one JSON array parameter: one statement per table, whatever the row count. */
function insertStatement(table: IndexTable): string {
  const columns = { resource_type: "text", resource_id: "text", ...indexTables[table] };
  const names = Object.keys(columns).map((name) => `"${name}"`).join(", ");
  const definitions = Object.entries(columns).map(([name, type]) => `"${name}" ${type}`).join(", ");
  return `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS t(${definitions}) ON CONFLICT DO NOTHING`;
}

type IndexTable = keyof typeof indexTables;
type IndexRecord = Record<string, string | number>;

/**
 * Replaces the search index and compartment rows of the given resources: rows of `removed`
 * and `current` keys are deleted, then rows computed from `current` are inserted. Runs inside
 * the caller's transaction, so the index always matches the stored versions.
 */
export async function replaceSearchIndex(
  sql: SqlClient,
  removed: ResourceKey[],
  current: FhirResource[],
): Promise<void> {
  const stale = [...removed, ...current.map((resource) => ({ resourceType: resource.resourceType, id: resource.id ?? "" }))];
  if (stale.length > 0) {
    await deleteIndexRows(sql, stale);
  }

  const records = collectIndexRecords(current);
  for (const table of Object.keys(indexTables) as IndexTable[]) {
    const rows = records[table];
    if (rows.length === 0) continue;
    await sql.$executeRawUnsafe(insertStatement(table), JSON.stringify(rows));
  }
}

async function deleteIndexRows(sql: SqlClient, keys: ResourceKey[]): Promise<void> {
  const types = keys.map((key) => key.resourceType);
  const ids = keys.map((key) => key.id);
  for (const table of Object.keys(indexTables) as IndexTable[]) {
    await sql.$executeRawUnsafe(
      `DELETE FROM ${table} WHERE (resource_type, resource_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      types,
      ids,
    );
  }
}

function collectIndexRecords(resources: FhirResource[]): Record<IndexTable, IndexRecord[]> {
  const records: Record<IndexTable, IndexRecord[]> = {
    search_token: [],
    search_string: [],
    search_date: [],
    search_reference: [],
    search_number: [],
    search_quantity: [],
    search_uri: [],
    resource_compartment: [],
  };

  for (const resource of resources) {
    const owner = { resource_type: resource.resourceType, resource_id: resource.id ?? "" };
    const rows = extractIndexRows(resource);

    for (const row of rows.tokens) records.search_token.push({ ...owner, ...row });
    for (const row of rows.strings) records.search_string.push({ ...owner, ...row });
    for (const row of rows.dates) {
      records.search_date.push({ ...owner, param: row.param, start: row.start.toISOString(), end: row.end.toISOString() });
    }
    for (const row of rows.references) {
      records.search_reference.push({ ...owner, param: row.param, target_type: row.targetType, target_id: row.targetId, url: row.url });
    }
    for (const row of rows.numbers) records.search_number.push({ ...owner, ...row });
    for (const row of rows.quantities) records.search_quantity.push({ ...owner, ...row });
    for (const row of rows.uris) records.search_uri.push({ ...owner, ...row });
    for (const patientId of patientCompartmentsOf(resource, rows)) {
      records.resource_compartment.push({ ...owner, compartment_type: "Patient", compartment_id: patientId });
    }
  }
  return records;
}
