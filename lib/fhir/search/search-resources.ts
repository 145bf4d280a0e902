import type { SqlClient } from "../../db/sql-client";
import { allowsResourceType, type AccessScope } from "./access-scope";
import { buildFilterCondition } from "./build-filter-condition";
import { buildScopeCondition } from "./build-scope-condition";
import { buildSortOrder } from "./build-sort-order";
import { loadIncludes } from "./load-includes";
import type { SearchRequest } from "./search-request";
import { SqlParameters } from "./sql-parameters";
import { STORED_JSON_COLUMNS, toStoredResource, type StoredResource, type StoredResourceRow } from "./stored-resource";

/** One page of search results. */
export interface SearchResult {
  /** The matches on this page, in sort order. */
  matches: StoredResource[];
  /** Resources added by `_include` and `_revinclude`, each once, none of them a match. */
  included: StoredResource[];
  /** Number of matches on all pages; undefined when `_total=none`. */
  total?: number;
  /** Whether another page follows. */
  hasNext: boolean;
}

/**
 * Runs a search inside the caller's scope: the scope is part of every SQL statement, so matches,
 * includes and the total only ever count resources the caller may read.
 */
export async function searchResources(sql: SqlClient, request: SearchRequest, scope: AccessScope, now: Date = new Date()): Promise<SearchResult> {
  if (!allowsResourceType(scope, request.resourceType)) {
    return { matches: [], included: [], total: request.total === "none" ? undefined : 0, hasNext: false };
  }

  const wantsTotal = request.total !== "none" || request.summary === "count";
  const wantsPage = request.summary !== "count" && request.count > 0;
  let page: Page = { matches: [], hasNext: false };
  let total: number | undefined;
  if (wantsPage) {
    page = await loadPage(sql, request, scope, now, wantsTotal);
    total = page.total;
  }
  // A page past the last match has no row to carry the total, so it is counted on its own.
  if (wantsTotal && total === undefined) total = await countMatches(sql, request, scope, now);

  const included = await loadIncludes(sql, page.matches, request, scope);
  return { matches: page.matches, included, total, hasNext: page.hasNext };
}

function buildWhere(request: SearchRequest, scope: AccessScope, params: SqlParameters, now: Date): string {
  const conditions = [`r.resource_type = ${params.add(request.resourceType)}`, "NOT r.deleted", buildScopeCondition(scope, "r", params)];
  for (const filter of request.filters) {
    conditions.push(buildFilterCondition(filter, { alias: "r", resourceType: request.resourceType }, { params, scope, now }));
  }
  return conditions.join("\n  AND ");
}

async function countMatches(sql: SqlClient, request: SearchRequest, scope: AccessScope, now: Date): Promise<number> {
  const params = new SqlParameters();
  const where = buildWhere(request, scope, params, now);
  // NOTE: _total=estimate also returns the exact count, because PostgreSQL's row estimate for a
  // filtered query is often far off. A large table may need the estimate to keep counts cheap.
  const rows = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM resource r WHERE ${where}`, params.values, { prepare: true });
  return rows[0]?.total ?? 0;
}

interface Page {
  matches: StoredResource[];
  hasNext: boolean;
  /** Number of matches on all pages, when asked for and the page has a row to carry it. */
  total?: number;
}

/**
 * Loads one page of matches, each with its JSON as stored and its patients (see
 * STORED_JSON_COLUMNS). With `withTotal` every row also carries the number of all matches,
 * counted in the same statement, which saves a round trip per search.
 */
async function loadPage(sql: SqlClient, request: SearchRequest, scope: AccessScope, now: Date, withTotal: boolean): Promise<Page> {
  const params = new SqlParameters();
  const where = buildWhere(request, scope, params, now);
  const order = buildSortOrder(request.sort, "r", request.resourceType, params);
  const limit = params.add(request.count + 1);
  const offset = params.add(request.offset);
  // The subquery's own alias r hides the outer one, so the same conditions apply to it.
  const total = withTotal ? `, (SELECT count(*)::int FROM resource r WHERE ${where}) AS total` : "";

  const rows = await sql.query<StoredResourceRow & { total?: number }>(
    `SELECT ${STORED_JSON_COLUMNS}, r.version_id, r.last_updated${total} FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE ${where}
     ORDER BY ${order}
     LIMIT ${limit}::int OFFSET ${offset}::int`,
    params.values,
    { prepare: true },
  );
  // An empty first page means no matches at all; an empty later page cannot tell.
  const emptyTotal = withTotal && request.offset === 0 ? 0 : undefined;
  return { matches: rows.slice(0, request.count).map(toStoredResource), hasNext: rows.length > request.count, total: rows[0]?.total ?? emptyTotal };
}
