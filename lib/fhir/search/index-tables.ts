import type { IndexedType } from "./search-request";

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
