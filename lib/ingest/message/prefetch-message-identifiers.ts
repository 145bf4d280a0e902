import type { SqlClient } from "../../db/sql-client";
import type { ConditionalMatcher } from "../conditional-matcher";
import { parseIdentifierQuery, type IdentifierQuery } from "../parse-identifier-query";
import type { ConvertedMessage } from "./converted-message";

/**
 * Looks up, with one query, the stored resources of every identifier that the messages of a file
 * match on (conditional creates and updates, 835 claim links, A40 merges), and caches the ids in
 * the matcher. Planning the messages then finds them there instead of sending one query per
 * party and message.
 */
export async function prefetchMessageIdentifiers(sql: SqlClient, matcher: ConditionalMatcher, messages: readonly ConvertedMessage[]): Promise<void> {
  const queries = uniqueQueries(messages.flatMap(identifierQueriesOf));
  if (queries.length === 0) return;

  const rows = await sql.query<{ position: number; resource_id: string }>(
    `SELECT DISTINCT q.position::int AS position, t.resource_id
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(resource_type, system, code, position)
     JOIN search_token t ON t.resource_type = q.resource_type AND t.param = 'identifier' AND t.code = q.code AND (q.system IS NULL OR t.system = q.system)
     JOIN resource r ON r.resource_type = t.resource_type AND r.id = t.resource_id AND NOT r.deleted`,
    [queries.map((query) => query.resourceType), queries.map((query) => query.system ?? null), queries.map((query) => query.value)],
  );

  const found = new Map<number, string[]>();
  for (const row of rows) found.set(row.position, [...(found.get(row.position) ?? []), row.resource_id]);
  queries.forEach((query, index) => matcher.rememberStored(query, (found.get(index + 1) ?? []).sort()));
}

function identifierQueriesOf(message: ConvertedMessage): IdentifierQuery[] {
  const queries: IdentifierQuery[] = [];
  for (const entry of message.entries) {
    const resourceType = entry.resource?.resourceType;
    const request = entry.request;
    if (!resourceType || !request) continue;
    const search = request.ifNoneExist ?? (request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : undefined);
    const parsed = search === undefined ? undefined : parseIdentifierQuery(resourceType, search);
    if (parsed && typeof parsed !== "string") queries.push(parsed);
  }
  for (const { identifier } of message.claimReferences) {
    if (identifier.value) queries.push({ resourceType: "Claim", system: identifier.system, value: identifier.value });
  }
  for (const { identifier } of message.mergedPatients) {
    if (identifier.value) queries.push({ resourceType: "Patient", system: identifier.system, value: identifier.value });
  }
  return queries;
}

function uniqueQueries(queries: IdentifierQuery[]): IdentifierQuery[] {
  const byKey = new Map(queries.map((query) => [`${query.resourceType}|${query.system ?? "\u0000any"}|${query.value}`, query]));
  return [...byKey.values()];
}
