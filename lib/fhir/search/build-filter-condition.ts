import type { AccessScope } from "./access-scope";
import { buildScopeCondition } from "./build-scope-condition";
import {
  dateCondition,
  escapeLike,
  numberCondition,
  quantityCondition,
  referenceCondition,
  tokenCondition,
} from "./build-value-conditions";
import { INDEX_TABLES, paramCondition } from "./index-tables";
import type { IndexedType, SearchFilter } from "./search-request";
import type { SqlParameters } from "./sql-parameters";

/** The `resource` row a filter applies to: its table alias and its resource type. */
export interface FilterTarget {
  alias: string;
  resourceType: string;
}

/** The statement's parameters, the caller's scope and the clock for `ap`, shared by every filter of a statement. */
export interface FilterBuildContext {
  params: SqlParameters;
  scope: AccessScope;
  now: Date;
}

/**
 * Builds the SQL condition of one filter on the `resource` row `target`. Chains and `_has` look
 * at other resources, and those must be visible to the scope too, so a match on a resource the
 * caller may not read never changes the result.
 */
export function buildFilterCondition(filter: SearchFilter, target: FilterTarget, context: FilterBuildContext): string {
  const { params } = context;
  const joinOr = (conditions: string[]): string => `(${conditions.join(" OR ")})`;

  switch (filter.kind) {
    case "id":
      return `${target.alias}.id = ANY(${params.add(filter.values)}::text[])`;
    case "last-updated": {
      const start = `${target.alias}.last_updated`;
      const end = `(${target.alias}.last_updated + interval '1 millisecond')`;
      return joinOr(filter.values.map((value) => dateCondition(start, end, value, params, context.now)));
    }
    case "missing": {
      const exists = indexRowExists(filter.table, filter.param, target, params, () => "TRUE");
      return filter.missing ? `NOT ${exists}` : exists;
    }
    case "token": {
      const exists = indexRowExists("token", filter.param, target, params, (t) => joinOr(filter.values.map((value) => tokenCondition(t, value, params))));
      return filter.negate ? `NOT ${exists}` : exists;
    }
    case "string":
      return indexRowExists("string", filter.param, target, params, (t) => joinOr(filter.values.map((value) => stringCondition(t, filter.match, value, params))));
    case "date":
      return indexRowExists("date", filter.param, target, params, (t) =>
        joinOr(filter.values.map((value) => dateCondition(`${t}.start`, `${t}."end"`, value, params, context.now))),
      );
    case "number":
      return indexRowExists("number", filter.param, target, params, (t) => joinOr(filter.values.map((value) => numberCondition(`${t}.value`, value, params))));
    case "quantity":
      return indexRowExists("quantity", filter.param, target, params, (t) => joinOr(filter.values.map((value) => quantityCondition(t, value, params))));
    case "reference":
      return indexRowExists("reference", filter.param, target, params, (t) => joinOr(filter.values.map((value) => referenceCondition(t, value, params))));
    case "uri":
      return indexRowExists("uri", filter.param, target, params, (t) =>
        joinOr(filter.values.map((value) => (filter.match === "below" ? `${t}.value LIKE ${params.add(`${escapeLike(value)}%`)}` : `${t}.value = ${params.add(value)}`))),
      );
    case "chain":
      return chainCondition(filter, target, context);
    case "has":
      return hasCondition(filter, target, context);
  }
}

function stringCondition(alias: string, match: "starts-with" | "exact" | "contains", value: string, params: SqlParameters): string {
  switch (match) {
    case "exact":
      // NOTE: the index keeps strings lower-cased and without accents, so :exact compares the
      // normalized forms and "gomez" matches "Gómez". Exact case needs the original text indexed too.
      return `${alias}.value = ${params.add(value)}`;
    case "contains":
      return `${alias}.value LIKE ${params.add(`%${escapeLike(value)}%`)}`;
    case "starts-with":
      return `${alias}.value LIKE ${params.add(`${escapeLike(value)}%`)}`;
  }
}

function indexRowExists(type: IndexedType, param: string, target: FilterTarget, params: SqlParameters, valueCondition: (alias: string) => string): string {
  const t = params.alias("t");
  const keepAsSubPlan = subPlanSuffix(params);
  return `EXISTS (SELECT 1 FROM ${INDEX_TABLES[type]} ${t}
    WHERE ${t}.resource_type = ${params.add(target.resourceType)} AND ${t}.resource_id = ${target.alias}.id
      AND ${paramCondition(`${t}.param`, target.resourceType, param, params)} AND ${valueCondition(t)}${keepAsSubPlan})`;
}

function chainCondition(filter: Extract<SearchFilter, { kind: "chain" }>, target: FilterTarget, context: FilterBuildContext): string {
  const { params } = context;
  const ref = params.alias("ref");
  const referenced = params.alias("r");
  const inner = buildFilterCondition(filter.filter, { alias: referenced, resourceType: filter.targetType }, context);
  return `EXISTS (SELECT 1 FROM search_reference ${ref}
    JOIN resource ${referenced} ON ${referenced}.resource_type = ${ref}.target_type AND ${referenced}.id = ${ref}.target_id AND NOT ${referenced}.deleted
    WHERE ${ref}.resource_type = ${params.add(target.resourceType)} AND ${ref}.resource_id = ${target.alias}.id
      AND ${ref}.param = ${params.add(filter.param)} AND ${ref}.target_type = ${params.add(filter.targetType)}
      AND ${inner} AND ${buildScopeCondition(context.scope, referenced, params)}${subPlanSuffix(params)})`;
}

function hasCondition(filter: Extract<SearchFilter, { kind: "has" }>, target: FilterTarget, context: FilterBuildContext): string {
  const { params } = context;
  const ref = params.alias("ref");
  const source = params.alias("r");
  const inner = buildFilterCondition(filter.filter, { alias: source, resourceType: filter.sourceType }, context);
  return `EXISTS (SELECT 1 FROM search_reference ${ref}
    JOIN resource ${source} ON ${source}.resource_type = ${ref}.resource_type AND ${source}.id = ${ref}.resource_id AND NOT ${source}.deleted
    WHERE ${ref}.resource_type = ${params.add(filter.sourceType)} AND ${ref}.param = ${params.add(filter.param)}
      AND ${ref}.target_type = ${params.add(target.resourceType)} AND ${ref}.target_id = ${target.alias}.id
      AND ${inner} AND ${buildScopeCondition(context.scope, source, params)}${subPlanSuffix(params)})`;
}

/** Returns " OFFSET 0" for an EXISTS past the statement's semi-join budget: it keeps the planner from pulling the subquery up into a join. */
function subPlanSuffix(params: SqlParameters): string {
  return params.claimSemiJoin() ? "" : " OFFSET 0";
}
