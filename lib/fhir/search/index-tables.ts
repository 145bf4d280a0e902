import { indexedCodesOf } from "../search-parameters";
import type { IndexedType } from "./search-request";
import type { SqlParameters } from "./sql-parameters";

/** The table that stores the index rows of each search parameter type. */
export const INDEX_TABLES: Record<IndexedType, string> = {
  token: "search_token",
  string: "search_string",
  date: "search_date",
  reference: "search_reference",
  number: "search_number",
  quantity: "search_quantity",
  uri: "search_uri",
};

/**
 * Builds the condition on an index table's `param` column for a search on `code` of a resource
 * type: one code, or the codes of a union parameter's parts (see indexedCodesOf).
 */
export function paramCondition(column: string, resourceType: string, code: string, params: SqlParameters): string {
  const codes = indexedCodesOf(resourceType, code);
  return codes.length === 1 ? `${column} = ${params.add(codes[0])}` : `${column} = ANY(${params.add(codes)}::text[])`;
}
