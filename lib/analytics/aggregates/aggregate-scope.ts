import { quoteIdentifier } from "../write-view-rows";
import { ANALYTICS_SCHEMA } from "../refresh-analytics-views";

/**
 * The patients an aggregate counts. The caller builds it after authorization: a member's own
 * patient id, a care manager's panel, or every patient for an admin.
 */
export type AggregateScope = { kind: "patients"; patientIds: readonly string[] } | { kind: "all" };

/** The scope of an aggregate and the schema of the materialized views it reads. */
export interface AggregateSource {
  scope: AggregateScope;
  /** The analytics schema; ANALYTICS_SCHEMA when absent. */
  schema?: string;
}

/** Returns the scope as one query parameter: the patient ids, or null for every patient. */
export function toScopeParameter(scope: AggregateScope): string[] | null {
  return scope.kind === "all" ? null : [...scope.patientIds];
}

/** Returns the SQL condition that keeps rows of `column` in the scope passed as parameter `$n`. */
export function scopeCondition(column: string, parameter: number): string {
  return `($${parameter}::text[] IS NULL OR ${column} = ANY($${parameter}::text[]))`;
}

/** Returns the quoted name of a view's table in the analytics schema. */
export function analyticsTable(source: AggregateSource, view: string): string {
  return `${quoteIdentifier(source.schema ?? ANALYTICS_SCHEMA)}.${quoteIdentifier(view)}`;
}

/** Converts a numeric SQL amount in dollars, which drivers return as text, to whole cents. */
export function toCents(value: string | number | null): number {
  return Math.round(Number(value ?? 0) * 100);
}
