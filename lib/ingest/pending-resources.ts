import { isRecord } from "./is-record";
import type { IdentifierQuery } from "./parse-identifier-query";

interface PendingIdentifier {
  id: string;
  system: string;
  owner: object;
}

/** The parts of a resource the identifier index reads. */
export interface IdentifiedResource {
  resourceType: string;
  id?: unknown;
  identifier?: unknown;
}

/**
 * The identifiers of resources that the import has queued but not yet committed, so a
 * conditional reference or ifNoneExist finds a resource from an earlier file of the same batch
 * before the database does.
 */
export class PendingResources {
  private readonly byValue = new Map<string, PendingIdentifier[]>();

  /** Adds a resource's identifiers; `remove` with the same object takes them out again. */
  add(resource: IdentifiedResource): void {
    if (typeof resource.id !== "string") return;
    for (const identifier of identifiersOf(resource)) {
      const key = indexKey(resource.resourceType, identifier.value);
      const list = this.byValue.get(key) ?? [];
      list.push({ id: resource.id, system: identifier.system, owner: resource });
      this.byValue.set(key, list);
    }
  }

  remove(resource: IdentifiedResource): void {
    for (const identifier of identifiersOf(resource)) {
      const key = indexKey(resource.resourceType, identifier.value);
      const remaining = (this.byValue.get(key) ?? []).filter((entry) => entry.owner !== resource);
      if (remaining.length > 0) this.byValue.set(key, remaining);
      else this.byValue.delete(key);
    }
  }

  /** Returns the ids of pending resources with a matching identifier, without duplicates. */
  match(query: IdentifierQuery): string[] {
    const entries = this.byValue.get(indexKey(query.resourceType, query.value)) ?? [];
    const ids = entries.filter((entry) => query.system === undefined || entry.system === query.system).map((entry) => entry.id);
    return [...new Set(ids)];
  }
}

/** Returns the system (or "") and value of each identifier that has a value. */
export function identifiersOf(resource: IdentifiedResource): { system: string; value: string }[] {
  const list = Array.isArray(resource.identifier) ? resource.identifier : [resource.identifier];
  const found: { system: string; value: string }[] = [];
  for (const identifier of list) {
    if (isRecord(identifier) && typeof identifier.value === "string") {
      found.push({ system: typeof identifier.system === "string" ? identifier.system : "", value: identifier.value });
    }
  }
  return found;
}

function indexKey(resourceType: string, value: string): string {
  return `${resourceType}|${value}`;
}
