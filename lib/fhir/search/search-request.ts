import type { DateRange } from "../date-range";

/** The comparison prefixes of R4 number, date and quantity search values. */
export type SearchPrefix = "eq" | "ne" | "gt" | "lt" | "ge" | "le" | "sa" | "eb" | "ap";

/** The index tables, by the search parameter type whose values they store. */
export type IndexedType = "token" | "string" | "date" | "reference" | "number" | "quantity" | "uri";

export interface TokenValue {
  /** Undefined matches any system; "" matches only codes stored without one (`|code`). */
  system?: string;
  /** Undefined matches any code of the system (`system|`). */
  code?: string;
}

export interface DateValue {
  prefix: SearchPrefix;
  range: DateRange;
}

export interface NumberValue {
  prefix: SearchPrefix;
  value: number;
  /** The interval the value's written precision covers: "100" is [99.5, 100.5). */
  low: number;
  high: number;
}

export interface QuantityValue extends NumberValue {
  system?: string;
  /** Matches the stored code or, when no system is given, the stored unit. */
  code?: string;
}

export interface ReferenceValue {
  targetType?: string;
  targetId?: string;
  /** An absolute reference that is not on this server, compared as a whole. */
  url?: string;
}

/**
 * One search condition. The values of one filter are OR'ed (a comma in the query); the filters of
 * a request are AND'ed (a repeated parameter).
 */
export type SearchFilter =
  | { kind: "missing"; param: string; table: IndexedType; missing: boolean }
  | { kind: "token"; param: string; negate: boolean; values: TokenValue[] }
  | { kind: "string"; param: string; match: "starts-with" | "exact" | "contains"; values: string[] }
  | { kind: "date"; param: string; values: DateValue[] }
  | { kind: "number"; param: string; values: NumberValue[] }
  | { kind: "quantity"; param: string; values: QuantityValue[] }
  | { kind: "reference"; param: string; values: ReferenceValue[] }
  | { kind: "uri"; param: string; match: "exact" | "below"; values: string[] }
  | { kind: "id"; values: string[] }
  | { kind: "last-updated"; values: DateValue[] }
  | { kind: "chain"; param: string; targetType: string; filter: SearchFilter }
  | { kind: "has"; sourceType: string; param: string; filter: SearchFilter };

export interface SortKey {
  /** A search parameter code, `_id` or `_lastUpdated`. */
  code: string;
  /** The index table of a parameter code; undefined for `_id` and `_lastUpdated`. */
  table?: IndexedType;
  descending: boolean;
}

export interface IncludeRequest {
  sourceType: string;
  /** A reference parameter of sourceType; undefined for `*`, every reference parameter. */
  param?: string;
  targetType?: string;
  iterate: boolean;
}

export type TotalMode = "none" | "estimate" | "accurate";
export type SummaryMode = "true" | "false" | "count" | "data" | "text";

/** A parsed search: what to match, how to order and page, and what to return. */
export interface SearchRequest {
  resourceType: string;
  filters: SearchFilter[];
  sort: SortKey[];
  count: number;
  offset: number;
  total: TotalMode;
  summary: SummaryMode;
  elements?: string[];
  includes: IncludeRequest[];
  revincludes: IncludeRequest[];
  /** The parameters the search used, in query order, for the Bundle's self link. */
  appliedParameters: [string, string][];
}
