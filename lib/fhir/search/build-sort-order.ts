import { INDEX_TABLES, paramCondition } from "./index-tables";
import type { IndexedType, SortKey } from "./search-request";
import type { SqlParameters } from "./sql-parameters";

/** The indexed column a sort on each parameter type compares. */
const SORT_COLUMNS: Record<IndexedType, string> = {
  token: "code",
  string: "value",
  date: "start",
  reference: "target_id",
  number: "value",
  quantity: "value",
  uri: "value",
};

/**
 * Builds the ORDER BY list for the sort keys on the `resource` row `alias`. A resource with
 * several values sorts by its lowest one ascending and its highest one descending, a resource
 * with none sorts last either way, and the id comes last so that equal keys page stably.
 */
export function buildSortOrder(keys: readonly SortKey[], alias: string, resourceType: string, params: SqlParameters): string {
  const terms = keys.map((key) => {
    const direction = key.descending ? "DESC" : "ASC";
    return `${sortExpression(key, alias, resourceType, params)} ${direction} NULLS LAST`;
  });
  terms.push(`${alias}.id ASC`);
  return terms.join(", ");
}

function sortExpression(key: SortKey, alias: string, resourceType: string, params: SqlParameters): string {
  if (key.code === "_id") return `${alias}.id`;
  if (key.code === "_lastUpdated" || key.table === undefined) return `${alias}.last_updated`;

  const t = params.alias("s");
  const aggregate = key.descending ? "max" : "min";
  return `(SELECT ${aggregate}(${t}.${SORT_COLUMNS[key.table]}) FROM ${INDEX_TABLES[key.table]} ${t}
    WHERE ${t}.resource_type = ${params.add(resourceType)} AND ${t}.resource_id = ${alias}.id AND ${paramCondition(`${t}.param`, resourceType, key.code, params)})`;
}
