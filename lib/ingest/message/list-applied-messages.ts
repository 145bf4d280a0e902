import type { SqlClient } from "../../db/sql-client";
import type { ConvertedMessage } from "./converted-message";

/**
 * Returns the messages whose Provenance is stored, with one query for all the messages of a file.
 * The converters derive each message's Provenance id from its sender, control id and text. The
 * import stores the Provenance in the same transaction as the message's resources, so a stored
 * Provenance means that an earlier run applied the whole message.
 */
export async function listAppliedMessages(sql: SqlClient, messages: readonly ConvertedMessage[]): Promise<Set<ConvertedMessage>> {
  const byProvenance = new Map<string, ConvertedMessage>();
  for (const message of messages) {
    const id = provenanceIdOf(message);
    if (id) byProvenance.set(id, message);
  }
  if (byProvenance.size === 0) return new Set();

  const rows = await sql.query<{ id: string }>("SELECT id FROM resource WHERE resource_type = 'Provenance' AND id = ANY($1::text[]) AND NOT deleted", [[...byProvenance.keys()]]);
  return new Set(rows.flatMap((row) => byProvenance.get(row.id) ?? []));
}

function provenanceIdOf(message: ConvertedMessage): string | undefined {
  const entry = message.entries.find((candidate) => candidate.resource?.resourceType === "Provenance" && candidate.request?.method === "PUT");
  return entry?.resource?.id;
}
