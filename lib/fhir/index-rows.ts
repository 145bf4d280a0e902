/**
 * Search index rows for one resource version. The store writes them in the same transaction as
 * the resource; each list is free of duplicates.
 */
export interface IndexRows {
  tokens: TokenRow[];
  strings: StringRow[];
  dates: DateRow[];
  references: ReferenceRow[];
  numbers: NumberRow[];
  quantities: QuantityRow[];
  uris: UriRow[];
}

/** A coded value. `system` is "" when the data gives none, so "code" and "|code" searches differ. */
export interface TokenRow {
  param: string;
  system: string;
  code: string;
}

/** A string lowered and stripped of accents, so "Gómez" matches a search for "gomez". */
export interface StringRow {
  param: string;
  value: string;
}

/** The instants a date covers: "2019-07" starts at 2019-07-01T00:00 and ends before 2019-08-01. */
export interface DateRow {
  param: string;
  start: Date;
  /** Exclusive end of the covered range. */
  end: Date;
}

/** A reference split into type and id for a relative one, or kept whole in `url` otherwise. */
export interface ReferenceRow {
  param: string;
  targetType: string;
  targetId: string;
  url: string;
}

export interface NumberRow {
  param: string;
  value: number;
}

export interface QuantityRow {
  param: string;
  value: number;
  system: string;
  code: string;
  unit: string;
}

export interface UriRow {
  param: string;
  value: string;
}

export function emptyIndexRows(): IndexRows {
  return { tokens: [], strings: [], dates: [], references: [], numbers: [], quantities: [], uris: [] };
}
