import type { SqlClient } from "../../db/sql-client";
import type { AccessScope } from "./access-scope";
import { buildScopeCondition } from "./build-scope-condition";
import type { IncludeRequest, SearchRequest } from "./search-request";
import { SqlParameters } from "./sql-parameters";
import { referenceOf, toStoredResource, typeAndIdOf, type StoredResource, type StoredResourceRow } from "./stored-resource";

/** Rounds of `:iterate` after the first, so a reference cycle cannot loop. */
const MAX_ITERATE_ROUNDS = 3;
/** Included resources per page at most; further ones are left out. */
export const MAX_INCLUDED = 1000;

/**
 * Loads what `_include` and `_revinclude` add to a page of matches. The first round applies every
 * include to the matches; later rounds apply the `:iterate` ones to what the previous round added.
 * Every statement carries the scope, so nothing outside it is included.
 */
export async function loadIncludes(sql: SqlClient, matches: StoredResource[], request: SearchRequest, scope: AccessScope): Promise<StoredResource[]> {
  if (request.includes.length === 0 && request.revincludes.length === 0) return [];
  const seen = new Set(matches.map(referenceOf));
  const included: StoredResource[] = [];
  let frontier = matches;

  for (let round = 0; round <= MAX_ITERATE_ROUNDS && frontier.length > 0 && included.length < MAX_INCLUDED; round++) {
    const includes = request.includes.filter((include) => round === 0 || include.iterate);
    const revincludes = request.revincludes.filter((include) => round === 0 || include.iterate);
    const found: StoredResource[] = [];
    for (const include of includes) found.push(...(await loadForward(sql, frontier, include, scope)));
    for (const include of revincludes) found.push(...(await loadReverse(sql, frontier, include, scope)));

    frontier = [];
    for (const resource of found) {
      const key = referenceOf(resource);
      if (seen.has(key) || included.length >= MAX_INCLUDED) continue;
      seen.add(key);
      included.push(resource);
      frontier.push(resource);
    }
  }
  return included;
}

function idsOfType(resources: StoredResource[], resourceType: string): string[] {
  return resources.map(typeAndIdOf).flatMap((key) => (key.resourceType === resourceType ? [key.id] : []));
}

/** Loads the resources that `include.sourceType` resources of the frontier refer to. */
async function loadForward(sql: SqlClient, frontier: StoredResource[], include: IncludeRequest, scope: AccessScope): Promise<StoredResource[]> {
  const ids = idsOfType(frontier, include.sourceType);
  if (ids.length === 0) return [];

  const params = new SqlParameters();
  const conditions = [`ref.resource_type = ${params.add(include.sourceType)}`, `ref.resource_id = ANY(${params.add(ids)}::text[])`];
  if (include.param !== undefined) conditions.push(`ref.param = ${params.add(include.param)}`);
  if (include.targetType !== undefined) conditions.push(`ref.target_type = ${params.add(include.targetType)}`);
  conditions.push(buildScopeCondition(scope, "t", params));

  const rows = await sql.query<StoredResourceRow>(
    `SELECT DISTINCT ON (t.resource_type, t.id) v.content, t.version_id, t.last_updated FROM search_reference ref
     JOIN resource t ON t.resource_type = ref.target_type AND t.id = ref.target_id AND NOT t.deleted
     JOIN resource_version v ON v.resource_type = t.resource_type AND v.id = t.id AND v.version_id = t.version_id
     WHERE ${conditions.join(" AND ")}
     ORDER BY t.resource_type, t.id
     LIMIT ${MAX_INCLUDED}`,
    params.values,
  );
  return rows.map(toStoredResource);
}

/** Loads the `include.sourceType` resources that refer to resources of the frontier through `include.param`. */
async function loadReverse(sql: SqlClient, frontier: StoredResource[], include: IncludeRequest, scope: AccessScope): Promise<StoredResource[]> {
  const byType = new Map<string, string[]>();
  for (const stored of frontier) {
    const { resourceType: type, id } = typeAndIdOf(stored);
    if (include.targetType === undefined || include.targetType === type) {
      byType.set(type, [...(byType.get(type) ?? []), id]);
    }
  }

  const found: StoredResource[] = [];
  for (const [targetType, ids] of byType) {
    const params = new SqlParameters();
    const conditions = [
      `ref.resource_type = ${params.add(include.sourceType)}`,
      `ref.target_type = ${params.add(targetType)}`,
      `ref.target_id = ANY(${params.add(ids)}::text[])`,
    ];
    if (include.param !== undefined) conditions.push(`ref.param = ${params.add(include.param)}`);
    conditions.push(buildScopeCondition(scope, "s", params));

    const rows = await sql.query<StoredResourceRow>(
      `SELECT DISTINCT ON (s.id) v.content, s.version_id, s.last_updated FROM search_reference ref
       JOIN resource s ON s.resource_type = ref.resource_type AND s.id = ref.resource_id AND NOT s.deleted
       JOIN resource_version v ON v.resource_type = s.resource_type AND v.id = s.id AND v.version_id = s.version_id
       WHERE ${conditions.join(" AND ")}
       ORDER BY s.id
       LIMIT ${MAX_INCLUDED}`,
      params.values,
    );
    found.push(...rows.map(toStoredResource));
  }
  return found;
}
