import type { Meta } from "fhir/r4";

/**
 * The SQL-on-FHIR v2 ViewDefinition, as far as this engine reads it. It is a logical model of the
 * SQL-on-FHIR implementation guide, not an R4 resource, so `fhir/r4` has no type for it.
 */
export interface ViewDefinition {
  resourceType: "ViewDefinition";
  id?: string;
  url?: string;
  name?: string;
  title?: string;
  status?: string;
  /** The FHIR resource type the view reads, such as "Patient". */
  resource: string;
  constant?: ViewConstant[];
  select: ViewSelect[];
  where?: ViewWhere[];
}

/** A named value that expressions read as `%name`; exactly one `value[x]` is set. */
export interface ViewConstant {
  name: string;
  /** The constant's value, from whichever `value[x]` element the definition carries. */
  value: string | number | boolean;
  /** The FHIR type of that element, such as "date" for `valueDate`. */
  valueType: string;
}

/** One select clause: columns, nested selects and unions over one focus. */
export interface ViewSelect {
  column?: ViewColumn[];
  select?: ViewSelect[];
  forEach?: string;
  forEachOrNull?: string;
  /** Paths followed recursively from the focus; every element reached becomes a focus. */
  repeat?: string[];
  unionAll?: ViewSelect[];
}

export interface ViewColumn {
  name: string;
  path: string;
  description?: string;
  /** When true, the column contains every value of the path as an array. Otherwise it contains at most one. */
  collection?: boolean;
  /** A FHIR primitive type name such as "string", "dateTime" or "decimal". */
  type?: string;
}

export interface ViewWhere {
  path: string;
  description?: string;
}

/** A ViewDefinition as the store returns it, with its id and the version data of its Basic wrapper. */
export type StoredViewDefinition = ViewDefinition & { id: string; meta?: Meta };

/** One output row, from column name to value. A collection column's value is an array. */
export type ViewRow = Record<string, unknown>;
