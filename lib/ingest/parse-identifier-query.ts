/** A search on the identifier token parameter: `identifier=system|value`, `identifier=|value` or `identifier=value`. */
export interface IdentifierQuery {
  resourceType: string;
  /** undefined matches any system; "" matches identifiers without one. */
  system: string | undefined;
  value: string;
}

// Types whose identifiers identify a person (member ids, SSNs, MRNs): messages leave their values out.
const personTypes = new Set(["Patient", "RelatedPerson", "Person"]);

/**
 * Parses the query of a conditional reference, ifNoneExist or conditional request.url. Only a
 * single `identifier` parameter is supported, because the token index matches it exactly and
 * Synthea writes no other. Returns a reason (for a developer) when the query is anything else.
 */
export function parseIdentifierQuery(resourceType: string, query: string): IdentifierQuery | string {
  const parameters = new URLSearchParams(query);
  const names = [...parameters.keys()];
  const raw = parameters.get("identifier");
  if (names.length !== 1 || raw === null) {
    return `search "${resourceType}?${maskQuery(resourceType, query)}" is not supported; conditional references and requests must search one identifier, as in ${resourceType}?identifier=system|value`;
  }

  const bar = raw.indexOf("|");
  const parsed: IdentifierQuery = bar < 0 ? { resourceType, system: undefined, value: raw } : { resourceType, system: raw.slice(0, bar), value: raw.slice(bar + 1) };
  if (parsed.value === "") {
    return `search "${resourceType}?${maskQuery(resourceType, query)}" has an empty identifier value`;
  }
  return parsed;
}

/** Describes an identifier search for messages, leaving out the value of identifiers that name a person. */
export function describeIdentifierQuery(query: IdentifierQuery): string {
  const value = personTypes.has(query.resourceType) ? "(value withheld)" : query.value;
  const token = query.system === undefined ? value : `${query.system}|${value}`;
  return `${query.resourceType}?identifier=${token}`;
}

function maskQuery(resourceType: string, query: string): string {
  return personTypes.has(resourceType) ? query.replace(/=([^&]*)/g, "=…") : query;
}
