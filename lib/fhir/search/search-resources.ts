import type { SqlClient } from "../../db/sql-client";
import { allowsResourceType, type AccessScope } from "./access-scope";
import { buildFilterCondition } from "./build-filter-condition";
import { buildScopeCondition } from "./build-scope-condition";
import { buildSortOrder } from "./build-sort-order";
import { loadIncludes } from "./load-includes";
import type { SearchRequest } from "./search-request";
import { SqlParameters } from "./sql-parameters";
import { toStoredResource, type StoredResource, type StoredResourceRow } from "./stored-resource";

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
  const [total, page] = await Promise.all([
    wantsTotal ? countMatches(sql, request, scope, now) : Promise.resolve(undefined),
    wantsPage ? loadPage(sql, request, scope, now) : Promise.resolve({ matches: [], hasNext: false }),
  ]);

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
  const rows = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM resource r WHERE ${where}`, params.values);
  return rows[0]?.total ?? 0;
}

async function loadPage(sql: SqlClient, request: SearchRequest, scope: AccessScope, now: Date): Promise<{ matches: StoredResource[]; hasNext: boolean }> {
  const params = new SqlParameters();
  const where = buildWhere(request, scope, params, now);
  const order = buildSortOrder(request.sort, "r", request.resourceType, params);
  const limit = params.add(request.count + 1);
  const offset = params.add(request.offset);

  const rows = await sql.query<StoredResourceRow>(
    `SELECT v.content, r.version_id, r.last_updated FROM resource r
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     WHERE ${where}
     ORDER BY ${order}
     LIMIT ${limit}::int OFFSET ${offset}::int`,
    params.values,
  );
  return { matches: rows.slice(0, request.count).map(toStoredResource), hasNext: rows.length > request.count };
}
