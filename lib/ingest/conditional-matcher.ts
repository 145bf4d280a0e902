import type { PendingResources } from "./pending-resources";
import type { IdentifierQuery } from "./parse-identifier-query";

/** The store lookup the matcher needs; FhirStore provides it. */
export interface TokenLookup {
  findIdsByToken(resourceType: string, param: string, system: string | undefined, code: string): Promise<string[]>;
}

/**
 * Finds the resources an identifier search matches across everything the import can see: the
 * database, resources queued but not yet committed, and the caller's own not-yet-queued
 * resources (the rest of a bundle). Database results are cached until `forgetStored` is called,
 * which the import does after every commit.
 */
export class ConditionalMatcher {
  private readonly storedCache = new Map<string, Promise<string[]>>();

  constructor(
    private readonly store: TokenLookup,
    private readonly pending: PendingResources,
  ) {}

  /** Returns the matching ids, sorted and without duplicates. */
  async match(query: IdentifierQuery, local?: PendingResources): Promise<string[]> {
    // Pending matches are read before the database query returns. A batch that commits meanwhile
    // leaves the pending index only after its commit, so every resource is found in one of the two.
    const unstored = [...this.pending.match(query), ...(local?.match(query) ?? [])];
    const stored = await this.matchStored(query);
    const ids = new Set([...stored, ...unstored]);
    return [...ids].sort();
  }

  forgetStored(): void {
    this.storedCache.clear();
  }

  /**
   * Caches the stored ids of a query that the caller looked up itself, such as in one query for a
   * whole file. `forgetStored` drops them like any other cached result.
   */
  rememberStored(query: IdentifierQuery, ids: readonly string[]): void {
    this.storedCache.set(cacheKey(query), Promise.resolve([...ids]));
  }

  private matchStored(query: IdentifierQuery): Promise<string[]> {
    const key = cacheKey(query);
    let found = this.storedCache.get(key);
    if (!found) {
      found = this.store.findIdsByToken(query.resourceType, "identifier", query.system, query.value);
      this.storedCache.set(key, found);
    }
    return found;
  }
}

function cacheKey(query: IdentifierQuery): string {
  return `${query.resourceType}|${query.system ?? "\u0000any"}|${query.value}`;
}
