import type { DateValue, NumberValue, QuantityValue, ReferenceValue, TokenValue } from "./search-request";
import type { SqlParameters } from "./sql-parameters";

/** How far `ap` reaches: 10% of the value for numbers, 10% of the distance to now for dates. */
const APPROXIMATE_FRACTION = 0.1;

/** Escapes `%`, `_` and `\` so a search text matches itself inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function tokenCondition(alias: string, value: TokenValue, params: SqlParameters): string {
  const parts: string[] = [];
  if (value.system !== undefined) parts.push(`${alias}.system = ${params.add(value.system)}`);
  if (value.code !== undefined) parts.push(`${alias}.code = ${params.add(value.code)}`);
  return parts.length === 0 ? "TRUE" : parts.join(" AND ");
}

/**
 * Compares a stored range [start, end) with a date search value as R4 defines each prefix. For
 * example, `eq` matches when the search range contains the stored one. `gt` matches when the
 * stored range reaches past the search range's end, and `sa` when it starts after that end.
 */
export function dateCondition(start: string, end: string, value: DateValue, params: SqlParameters, now: Date): string {
  // Placeholders are added only when used: PostgreSQL rejects a statement with a parameter it cannot type.
  const low = (): string => `${params.add(value.range.start.toISOString())}::timestamptz`;
  const high = (): string => `${params.add(value.range.end.toISOString())}::timestamptz`;
  const contained = (): string => `(${start} >= ${low()} AND ${end} <= ${high()})`;

  switch (value.prefix) {
    case "eq":
      return contained();
    case "ne":
      return `NOT ${contained()}`;
    case "gt":
      return `${end} > ${high()}`;
    case "lt":
      return `${start} < ${low()}`;
    case "ge":
      return `(${end} > ${high()} OR ${contained()})`;
    case "le":
      return `(${start} < ${low()} OR ${contained()})`;
    case "sa":
      return `${start} >= ${high()}`;
    case "eb":
      return `${end} <= ${low()}`;
    case "ap": {
      const reach = Math.abs(now.getTime() - value.range.start.getTime()) * APPROXIMATE_FRACTION;
      const from = params.add(new Date(value.range.start.getTime() - reach).toISOString());
      const to = params.add(new Date(value.range.end.getTime() + reach).toISOString());
      return `(${start} < ${to}::timestamptz AND ${end} > ${from}::timestamptz)`;
    }
  }
}

/** Compares a stored number with a search value; `eq` and `ne` use the value's written precision. */
export function numberCondition(column: string, value: NumberValue, params: SqlParameters): string {
  const exact = (): string => params.add(value.value);
  const withinPrecision = (): string => `(${column} >= ${params.add(value.low)}::numeric AND ${column} < ${params.add(value.high)}::numeric)`;

  switch (value.prefix) {
    case "eq":
      return withinPrecision();
    case "ne":
      return `NOT ${withinPrecision()}`;
    case "gt":
    case "sa":
      return `${column} > ${exact()}::numeric`;
    case "lt":
    case "eb":
      return `${column} < ${exact()}::numeric`;
    case "ge":
      return `${column} >= ${exact()}::numeric`;
    case "le":
      return `${column} <= ${exact()}::numeric`;
    case "ap": {
      const reach = Math.abs(value.value) * APPROXIMATE_FRACTION;
      return `(${column} >= ${params.add(value.value - reach)}::numeric AND ${column} <= ${params.add(value.value + reach)}::numeric)`;
    }
  }
}

/** Compares value, and system and code when given; a code without a system also matches the unit. */
export function quantityCondition(alias: string, value: QuantityValue, params: SqlParameters): string {
  const parts = [numberCondition(`${alias}.value`, value, params)];
  if (value.system !== undefined) {
    parts.push(`${alias}.system = ${params.add(value.system)}`);
  }
  if (value.code !== undefined) {
    const code = params.add(value.code);
    parts.push(value.system === undefined ? `(${alias}.code = ${code} OR ${alias}.unit = ${code})` : `${alias}.code = ${code}`);
  }
  return parts.join(" AND ");
}

export function referenceCondition(alias: string, value: ReferenceValue, params: SqlParameters): string {
  if (value.url !== undefined) {
    return `${alias}.url = ${params.add(value.url)}`;
  }
  const parts = [`${alias}.target_id = ${params.add(value.targetId ?? "")}`];
  if (value.targetType !== undefined) {
    parts.push(`${alias}.target_type = ${params.add(value.targetType)}`);
  }
  return parts.join(" AND ");
}
